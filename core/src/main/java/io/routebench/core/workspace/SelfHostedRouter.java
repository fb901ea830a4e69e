package io.routebench.core.workspace;

/**
 * The router model the proxy itself calls, when the user runs one (archgw {@code routing:} block,
 * plano {@code overrides.llm_routing_model}); exported as an extra provider entry.
 *
 * @param model e.g. {@code hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M} (without the provider
 *     prefix the dialect adds: {@code arch/} for archgw, {@code plano/} for plano)
 * @param baseUrl where the model is served, e.g. an Ollama server
 * @param providerName the provider entry's name, e.g. {@code arch-router}
 */
public record SelfHostedRouter(String model, String baseUrl, String providerName) {}
