package io.routebench.inference.llama;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, before llama.cpp ever sees it, whether a GGUF's chat template can be rendered in bounded
 * time and memory; a template it refuses is not given to llama.cpp at all (the loader substitutes
 * ChatML and says why).
 *
 * <p>Why a static check: llama.cpp parses the template and renders an example while the model
 * loads, inside the JVM, with no limit on time, memory or recursion, and no way to stop it; a
 * template with {@code {% for i in range(2000000000) %}} grew the process to 21.6 GB until the
 * kernel killed it. Rendering in a child process would bound that only where the operating system
 * can cap a process's memory, and would double every model load. Instead the check accepts only
 * templates whose work is bounded by the conversation they are given (RouteBench renders one short
 * message) and by small literals:
 *
 * <ul>
 *   <li>{@code range()} bounds are integer literals of at most {@value #MAX_LITERAL} or built from
 *       the conversation's sizes ({@code messages|length}, {@code loop.index0}, ...);
 *   <li>no integer literal above {@value #MAX_LITERAL} anywhere in code (a filter such as {@code
 *       indent(1000000000)} allocates that much);
 *   <li>no repetition operator {@code *} or {@code **} except between number literals ({@code 'ab'
 *       * n} builds unbounded text);
 *   <li>no macro that calls itself, directly or through others, and no {@code recursive} loops
 *       (unbounded recursion overflows the native stack and kills the JVM);
 *   <li>inside a loop, no {@code set} whose value names variables set in the template more than
 *       once ({@code x = x ~ x} doubles on every iteration);
 *   <li>at most {@value #MAX_CHARS} characters (the longest mainstream templates are under 20 KB);
 *   <li>brackets nested at most {@value #MAX_NESTING} deep, blocks ({@code if}, {@code for}, ...)
 *       too, and at most {@value #MAX_CHAIN} of {@code ~}, {@code not} or inline {@code if ...
 *       else} in one expression: llama.cpp's template parser recurses for each, on the loading
 *       thread's native stack, and a few hundred levels end the process (SIGSEGV: 500 nested lists,
 *       1,000 {@code ~}, 3,000 {@code not}; a template nested 30,000 lists deep did).
 * </ul>
 *
 * Every template of the model families RouteBench targets (Qwen2.5, which Arch-Router uses; Llama
 * 3; Mistral; Gemma; Phi) passes. What can still slip through is work bounded by the literals
 * allowed, e.g. three nested {@code range(1000)} loops; that is slow, not unbounded. Nor can it see
 * what a template builds while it runs (a list nested 100,000 deep by a loop, a string doubled by
 * straight-line {@code set}s): the first load of a file runs in a separate process with time and
 * memory limits ({@link FirstLoadCheck}) for everything a static check cannot bound.
 */
final class ChatTemplateScreen {

  static final int MAX_CHARS = 100_000;
  static final int MAX_LITERAL = 1_000;
  static final int MAX_NESTING = 32;
  static final int MAX_CHAIN = 32;

  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("\\{([{%])(.*?)[}%]}", Pattern.DOTALL);
  private static final Pattern STRING =
      Pattern.compile("'(?:[^'\\\\]++|\\\\.)*+'|\"(?:[^\"\\\\]++|\\\\.)*+\"", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?:[eE]\\d+)?");
  private static final Pattern MACRO = Pattern.compile("^\\s*-?\\s*macro\\s+(\\w+)");
  private static final Pattern END_MACRO = Pattern.compile("^\\s*-?\\s*endmacro\\b");
  private static final Pattern FOR = Pattern.compile("^\\s*-?\\s*for\\b(.*)", Pattern.DOTALL);
  private static final Pattern END_FOR = Pattern.compile("^\\s*-?\\s*endfor\\b");
  private static final Pattern BLOCK_START =
      Pattern.compile("^\\s*-?\\s*(?:if|for|macro|call|filter|generation|raw)\\b");
  private static final Pattern SET_BLOCK = Pattern.compile("^\\s*-?\\s*set\\s+[\\w.]+\\s*-?$");
  private static final Pattern BLOCK_END = Pattern.compile("^\\s*-?\\s*end\\w+\\b");
  private static final Pattern CHAIN_WORD = Pattern.compile("(?<![\\w.])(not|else)(?![\\w])");
  private static final Pattern SET =
      Pattern.compile("^\\s*-?\\s*set\\s+([\\w.]+)\\s*=(.*)", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w.]*");
  private static final Pattern RANGE_BOUND_WORD = Pattern.compile("[A-Za-z_]\\w*");
  private static final Set<String> SIZE_WORDS =
      Set.of(
          "messages",
          "tools",
          "length",
          "loop",
          "index",
          "index0",
          "revindex",
          "revindex0",
          "count");

  private ChatTemplateScreen() {}

  /** Why the template cannot be rendered with bounded work, or empty when it can. */
  static Optional<String> refusal(String template) {
    if (template.length() > MAX_CHARS) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "it is %,d characters long; RouteBench renders templates of up to %,d",
              template.length(),
              MAX_CHARS));
    }
    String text = COMMENT.matcher(template).replaceAll("");
    var macros = new HashMap<String, String>();
    var setNames = new HashSet<String>();
    var statements = new ArrayList<String[]>();
    Matcher code = CODE.matcher(text);
    while (code.find()) {
      String stripped = STRING.matcher(code.group(2)).replaceAll("''");
      statements.add(new String[] {code.group(1), stripped});
      Matcher set = SET.matcher(stripped);
      if (code.group(1).equals("%") && set.find()) {
        setNames.add(set.group(1));
      }
    }
    String currentMacro = null;
    var macroBody = new StringBuilder();
    int loopDepth = 0;
    int blockDepth = 0;
    for (String[] statement : statements) {
      String body = statement[1];
      Optional<String> problem = expressionProblem(body).or(() -> recursionProblem(body));
      if (problem.isPresent()) {
        return problem;
      }
      if (statement[0].equals("%")) {
        if (BLOCK_START.matcher(body).find() || SET_BLOCK.matcher(body).find()) {
          if (++blockDepth > MAX_NESTING) {
            return Optional.of(
                "it nests blocks ({% if %}, {% for %}, ...) more than "
                    + MAX_NESTING
                    + " deep"
                    + STACK_REASON);
          }
        } else if (BLOCK_END.matcher(body).find()) {
          blockDepth = Math.max(0, blockDepth - 1);
        }
        Matcher macro = MACRO.matcher(body);
        Matcher forLoop = FOR.matcher(body);
        Matcher set = SET.matcher(body);
        if (macro.find()) {
          currentMacro = macro.group(1);
          macroBody.setLength(0);
          continue;
        } else if (END_MACRO.matcher(body).find()) {
          if (currentMacro != null) {
            macros.put(currentMacro, macroBody.toString());
          }
          currentMacro = null;
          continue;
        } else if (forLoop.find()) {
          if (forLoop.group(1).matches("(?s).*\\brecursive\\s*-?\\s*$")) {
            return Optional.of("it has a recursive loop, whose depth nothing bounds");
          }
          loopDepth++;
        } else if (END_FOR.matcher(body).find()) {
          loopDepth = Math.max(0, loopDepth - 1);
        } else if (set.find() && loopDepth > 0) {
          int references = 0;
          Matcher names = IDENTIFIER.matcher(set.group(2));
          while (names.find()) {
            if (setNames.contains(names.group())) {
              references++;
            }
          }
          if (references > 1) {
            return Optional.of(
                "inside a loop it sets "
                    + set.group(1)
                    + " from variables set in the template more than once, which can double the"
                    + " text on every iteration");
          }
        }
      }
      if (currentMacro != null) {
        macroBody.append(body).append('\n');
      }
    }
    return recursiveMacro(macros)
        .map(name -> "its macro " + name + " calls itself, and nothing bounds the recursion");
  }

  private static final String STACK_REASON =
      "; llama.cpp's template parser recurses for each level, and a few hundred end the process";

  /** Nesting and chains that llama.cpp's recursive-descent parser would recurse through. */
  private static Optional<String> recursionProblem(String code) {
    int depth = 0;
    int deepest = 0;
    int tildes = 0;
    for (int i = 0; i < code.length(); i++) {
      switch (code.charAt(i)) {
        case '(', '[', '{' -> deepest = Math.max(deepest, ++depth);
        case ')', ']', '}' -> depth = Math.max(0, depth - 1);
        case '~' -> tildes++;
        default -> {}
      }
    }
    if (deepest > MAX_NESTING) {
      return Optional.of(
          "it nests brackets "
              + deepest
              + " deep (RouteBench renders up to "
              + MAX_NESTING
              + ")"
              + STACK_REASON);
    }
    int words = 0;
    Matcher chain = CHAIN_WORD.matcher(code);
    while (chain.find()) {
      words++;
    }
    if (tildes > MAX_CHAIN || words > MAX_CHAIN) {
      return Optional.of(
          "one of its expressions chains "
              + Math.max(tildes, words)
              + (tildes >= words ? " '~'" : " 'not' or 'if … else'")
              + " (RouteBench renders up to "
              + MAX_CHAIN
              + ")"
              + STACK_REASON);
    }
    return Optional.empty();
  }

  private static Optional<String> expressionProblem(String code) {
    Matcher number = NUMBER.matcher(code);
    while (number.find()) {
      if (Double.parseDouble(number.group()) > MAX_LITERAL) {
        return Optional.of(
            "it uses the number "
                + number.group()
                + "; RouteBench renders templates whose numbers are at most "
                + MAX_LITERAL
                + " (a loop or padding that large could exhaust the memory)");
      }
    }
    for (int at = code.indexOf('*'); at >= 0; at = code.indexOf('*', at + 1)) {
      String before = code.substring(0, at).stripTrailing();
      String after = code.substring(at + 1).replaceFirst("^\\*", "").stripLeading();
      if (!before.matches("(?s).*(?<![\\w.])\\d+$") || !after.matches("(?s)^\\d+.*")) {
        return Optional.of(
            "it repeats text with '*', which can build text of any size; RouteBench renders"
                + " templates without repetition");
      }
    }
    int range = code.indexOf("range(");
    while (range >= 0) {
      String arguments = arguments(code, range + "range(".length());
      Matcher word = RANGE_BOUND_WORD.matcher(arguments);
      while (word.find()) {
        if (!SIZE_WORDS.contains(word.group())) {
          return Optional.of(
              "it loops over range("
                  + arguments.strip()
                  + "), a bound RouteBench cannot check; ranges may use literals up to "
                  + MAX_LITERAL
                  + " and the conversation's sizes (messages|length)");
        }
      }
      range = code.indexOf("range(", range + 1);
    }
    return Optional.empty();
  }

  /** The text up to the parenthesis that closes the one opened just before {@code from}. */
  private static String arguments(String code, int from) {
    int depth = 1;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return code.substring(from, i);
      }
    }
    return code.substring(from);
  }

  /** A macro on a cycle of calls, if any. */
  private static Optional<String> recursiveMacro(Map<String, String> macros) {
    Map<String, List<String>> calls = new HashMap<>();
    for (Map.Entry<String, String> macro : macros.entrySet()) {
      var called = new ArrayList<String>();
      for (String other : macros.keySet()) {
        if (Pattern.compile("(?<![\\w.])" + Pattern.quote(other) + "\\s*\\(")
            .matcher(macro.getValue())
            .find()) {
          called.add(other);
        }
      }
      calls.put(macro.getKey(), called);
    }
    for (String start : macros.keySet()) {
      if (reaches(calls, start, start, new HashSet<>())) {
        return Optional.of(start);
      }
    }
    return Optional.empty();
  }

  private static boolean reaches(
      Map<String, List<String>> calls, String from, String target, Set<String> seen) {
    for (String next : calls.getOrDefault(from, List.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(calls, next, target, seen))) {
        return true;
      }
    }
    return false;
  }
}
