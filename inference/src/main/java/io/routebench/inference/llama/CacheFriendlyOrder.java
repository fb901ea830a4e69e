package io.routebench.inference.llama;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Orders a batch so consecutive prompts share the longest possible prefix in the KV cache: same
 * routes and profile together, and conversations in lexicographic message order, which puts every
 * turn of a conversation right after its earlier turns (a prefix sorts first) and conversations
 * that open the same way next to each other.
 */
final class CacheFriendlyOrder {

  private CacheFriendlyOrder() {}

  static int[] of(List<RouteRequest> requests) {
    Comparator<Integer> byRoutes = Comparator.comparing(i -> routesKey(requests.get(i)));
    Comparator<Integer> byConversation =
        (a, b) ->
            compareConversations(requests.get(a).conversation(), requests.get(b).conversation());
    return IntStream.range(0, requests.size())
        .boxed()
        .sorted(byRoutes.thenComparing(byConversation))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static String routesKey(RouteRequest request) {
    var key = new StringBuilder(request.profile().id()).append('\u0000');
    for (RouteOption route : request.routes()) {
      key.append(route.name()).append('\u0001').append(route.description()).append('\u0002');
    }
    return key.toString();
  }

  private static int compareConversations(List<Message> a, List<Message> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int byRole = a.get(i).role().compareTo(b.get(i).role());
      if (byRole != 0) {
        return byRole;
      }
      int byContent = a.get(i).content().compareTo(b.get(i).content());
      if (byContent != 0) {
        return byContent;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
