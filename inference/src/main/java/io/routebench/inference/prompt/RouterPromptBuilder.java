package io.routebench.inference.prompt;

import io.routebench.core.routing.RouteRequest;

/**
 * Builds the router prompt exactly as the proxy of the request's profile does: the same routes
 * JSON, the same filtering and truncation of the conversation, the same bytes (see {@code
 * docs/formats.md} and the reference notes on the router request formats).
 */
public final class RouterPromptBuilder {

  private RouterPromptBuilder() {}

  public static RouterPrompt build(RouteRequest request) {
    return switch (request.profile()) {
      case ARCHGW_V1 -> ArchgwPromptFormat.build(request);
      case PLANO_V1 -> PlanoPromptFormat.build(request);
    };
  }
}
