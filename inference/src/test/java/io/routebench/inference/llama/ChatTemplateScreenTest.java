package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.inference.gguf.QwenGgufBuilder;
import org.junit.jupiter.api.Test;

class ChatTemplateScreenTest {

  @Test
  void the_templates_of_mainstream_models_pass() {
    assertThat(ChatTemplateScreen.refusal(QwenGgufBuilder.QWEN2_5_CHAT_TEMPLATE)).isEmpty();
    String mistralLike =
        """
        {{ bos_token }}{% for message in messages %}\
        {% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}\
        {{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}\
        {% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}\
        {% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}""";
    String llama3Like =
        """
        {%- set date_string = "26 Jul 2024" %}{%- if tools is not none %}\
        {%- for t in tools %}{{- t | tojson(indent=4) }}{{- "\\n\\n" }}{%- endfor %}{%- endif %}\
        {%- set ns = namespace(text='') %}{%- for message in messages %}\
        {%- set ns.text = ns.text ~ message.content %}\
        {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' }}\
        {%- endfor %}{%- for i in range(messages|length - 1, -1, -1) %}{%- endfor %}\
        {%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}""";
    assertThat(ChatTemplateScreen.refusal(mistralLike)).isEmpty();
    assertThat(ChatTemplateScreen.refusal(llama3Like)).isEmpty();
  }

  @Test
  void the_range_that_took_the_machine_down_is_refused_with_the_reason() {
    assertThat(ChatTemplateScreen.refusal("{% for i in range(2000000000) %}x{% endfor %}"))
        .contains(
            "it uses the number 2000000000; RouteBench renders templates whose numbers are at most"
                + " 1000 (a loop or padding that large could exhaust the memory)");
    assertThat(
            ChatTemplateScreen.refusal(
                "{% set n = 99 %}{% for i in range(n * n) %}{% for j in range(n) %}x{% endfor %}"
                    + "{% endfor %}"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("'*'"));
    assertThat(ChatTemplateScreen.refusal("{% set n = 9 %}{% for i in range(n) %}x{% endfor %}"))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("it loops over range(n)"));
  }

  @Test
  void other_unbounded_constructs_are_refused() {
    assertThat(ChatTemplateScreen.refusal("{{ 'lol' * 99 }}")).isPresent();
    assertThat(ChatTemplateScreen.refusal("{{ message.content | indent(100000000) }}")).isPresent();
    assertThat(
            ChatTemplateScreen.refusal("{% macro f(x) %}{{ f(x) }}{% endmacro %}{{ f(messages) }}"))
        .contains("its macro f calls itself, and nothing bounds the recursion");
    assertThat(
            ChatTemplateScreen.refusal(
                "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}"))
        .isPresent();
    assertThat(
            ChatTemplateScreen.refusal(
                "{% set ns = namespace(s='a') %}{% for i in range(60) %}"
                    + "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("double the text"));
    assertThat(
            ChatTemplateScreen.refusal(
                "{% for m in messages recursive %}{{ loop(m) }}{% endfor %}"))
        .isPresent();
    assertThat(ChatTemplateScreen.refusal("x".repeat(100_001))).isPresent();
  }

  @Test
  void nesting_that_overflows_llama_cpps_parser_stack_is_refused() {
    // 30,000 nested lists ended the process (SIGSEGV); in llama.cpp b4916 500 do, on a 1 MB stack.
    assertThat(ChatTemplateScreen.refusal("{{ " + "[".repeat(30_000) + "]".repeat(30_000) + " }}"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("it nests brackets 30000 deep (RouteBench renders up to 32)")
                    .contains("a few hundred end the process"));
    assertThat(ChatTemplateScreen.refusal("{{ 'a'" + " ~ 'a'".repeat(1_000) + " }}"))
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("one of its expressions chains 1000 '~'"));
    assertThat(ChatTemplateScreen.refusal("{{ " + "not ".repeat(3_000) + "true }}"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("3000 'not' or 'if … else'"));
    assertThat(
            ChatTemplateScreen.refusal("{% if true %}".repeat(40) + "x" + "{% endif %}".repeat(40)))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("it nests blocks"));
    assertThat(ChatTemplateScreen.refusal("{{ [[[1, 2], [3]], {'a': (1)}] }}")).isEmpty();
  }

  @Test
  void a_long_string_literal_is_screened_without_overflowing_the_java_stack() {
    // The string pattern once recursed per character: 4,000 characters threw StackOverflowError.
    assertThat(
            ChatTemplateScreen.refusal(
                "{% for m in messages %}{{ '"
                    + "x".repeat(50_000)
                    + "' ~ m.content }}{% endfor %}"))
        .isEmpty();
  }

  @Test
  void numbers_and_stars_inside_strings_are_text_not_code() {
    assertThat(ChatTemplateScreen.refusal("{{ '*** 2000000000 ***' }}{{ 2 * 3 }}")).isEmpty();
  }
}
