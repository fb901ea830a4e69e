package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheFriendlyOrderTest {

  private static final List<RouteOption> ROUTES = List.of(new RouteOption("a", "route a"));

  @Test
  void turns_of_a_conversation_follow_each_other_in_order() {
    var first = List.of(Message.user("plan a trip"));
    var second =
        List.of(Message.user("plan a trip"), Message.assistant("where?"), Message.user("Rome"));
    var unrelated = List.of(Message.user("fix my code"));
    var requests = List.of(request(second), request(unrelated), request(first));

    assertThat(CacheFriendlyOrder.of(requests)).containsExactly(1, 2, 0);
  }

  @Test
  void conversations_opening_the_same_way_are_grouped() {
    var a1 = List.of(Message.user("hello"), Message.assistant("hi"), Message.user("trip"));
    var b = List.of(Message.user("goodbye"));
    var a2 = List.of(Message.user("hello"), Message.assistant("hi"), Message.user("code"));
    var requests = List.of(request(a1), request(b), request(a2));

    int[] order = CacheFriendlyOrder.of(requests);

    assertThat(order).containsExactly(1, 2, 0);
  }

  private static RouteRequest request(List<Message> conversation) {
    return new RouteRequest(ROUTES, conversation, PromptProfile.ARCHGW_V1);
  }
}
