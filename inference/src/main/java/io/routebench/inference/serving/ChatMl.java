package io.routebench.inference.serving;

/**
 * ChatML, the chat format of Qwen and so of Arch-Router, written out: each turn is {@code
 * <|im_start|>role\ncontent<|im_end|>\n}, and the assistant's header ends the prompt.
 */
public final class ChatMl {

  /** What Qwen2.5's Jinja template writes as the system turn when the chat has none. */
  public static final String QWEN_DEFAULT_SYSTEM =
      "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

  /** Everything after the user content: the end of its turn and the assistant's header. */
  public static final String TAIL = "<|im_end|>\n<|im_start|>assistant\n";

  private ChatMl() {}

  /** One whole turn. */
  public static String turn(String role, String content) {
    return "<|im_start|>" + role + "\n" + content + "<|im_end|>\n";
  }

  /** Everything before the user content: a system turn when {@code system} is not empty. */
  public static String head(String system) {
    return (system.isEmpty() ? "" : turn("system", system)) + "<|im_start|>user\n";
  }

  /** One user message after an optional system turn, up to the assistant's header. */
  public static String wrap(String system, String userContent) {
    return head(system) + userContent + TAIL;
  }

  /**
   * Whether a chat template writes ChatML: it names {@code <|im_start|>}, as llama.cpp's own
   * detection asks ({@code llm_chat_detect_template}), and is not Phi-4's variant ({@code
   * <|im_sep|>}).
   */
  public static boolean isChatMlTemplate(String template) {
    return template.contains("<|im_start|>") && !template.contains("<|im_sep|>");
  }
}
