package io.routebench.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text RouteBench would keep, print or export: the shapes providers give their
 * keys, bearer tokens, passwords in URLs, and literal values under keys that name a secret ({@code
 * api_key}, {@code Authorization}, ...). RouteBench never stores a secret; what it keeps is an
 * environment reference such as {@code $OPENAI_API_KEY}, which the proxy resolves at run time.
 *
 * <p>Precise rather than eager: a shape needs its provider's prefix and enough key characters after
 * it ({@code sk-} alone, or "sk-learn" in a description, is not a key), environment references
 * ({@code $NAME}, {@code ${NAME}}) always pass, and the value found is never part of the answer, so
 * a message can quote the answer without leaking the secret.
 */
public final class SecretDetector {

  /** What was found, in words a message can show; never the secret itself. */
  public record Finding(String path, String kind) {}

  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)");

  private record Shape(String kind, Pattern pattern) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "an Anthropic API key (sk-ant-…)",
              Pattern.compile("(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}")),
          new Shape(
              "an OpenAI-style API key (sk-…)",
              Pattern.compile("(?<![A-Za-z0-9])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
          new Shape(
              "a GitHub token (ghp_…)",
              Pattern.compile(
                  "(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})")),
          new Shape(
              "an AWS access key id (AKIA…)",
              Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])")),
          new Shape(
              "a Slack token (xox…)",
              Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}")),
          new Shape(
              "a Google API key (AIza…)", Pattern.compile("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}")),
          new Shape(
              "a Hugging Face token (hf_…)",
              Pattern.compile("(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}")));

  private static final Pattern BEARER = Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+(\\S+)");

  /** {@code scheme://user:password@host}: the password part. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:([^/\\s@]+)@");

  private static final Pattern SECRET_KEY_NAME =
      Pattern.compile(
          "(?i)(?:x-)?(?:api[_-]?key|access[_-]?key|secret(?:[_-]?key)?|client[_-]?secret|password"
              + "|passwd|token|auth[_-]?token|access[_-]?token|bearer[_-]?token|authorization"
              + "|private[_-]?key)");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretDetector() {}

  /**
   * What kind of credential {@code text} holds, if any: a known key shape, a bearer token or a
   * password in a URL. Ordinary prose and environment references pass.
   */
  public static Optional<String> find(String text) {
    if (text == null || text.length() < 8 || !mayHoldSecret(text)) {
      return Optional.empty();
    }
    for (Shape shape : SHAPES) {
      if (shape.pattern().matcher(text).find()) {
        return Optional.of(shape.kind());
      }
    }
    Matcher password = URL_PASSWORD.matcher(text);
    while (password.find()) {
      if (!isEnvReference(password.group(1))) {
        return Optional.of("a password in the URL (user:password@)");
      }
    }
    Matcher bearer = BEARER.matcher(text);
    while (bearer.find()) {
      String token = bearer.group(1);
      if (!isEnvReference(token) && looksLikeToken(token)) {
        return Optional.of("a bearer token (Bearer …)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code text} holds a literal fragment that one of {@link #find}'s patterns needs
   * ({@code sk-}, {@code ghp_}, {@code AKIA}, {@code ://}, "bearer", ...): one pass over the text
   * spares the regular expressions for the few texts that might hold a secret. Checking a suite of
   * 100,000 conversations spent most of its time in those expressions before.
   */
  private static boolean mayHoldSecret(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      boolean marker =
          switch (text.charAt(i)) {
            case 's' -> text.startsWith("sk-", i);
            case 'g' ->
                text.startsWith("github_pat_", i)
                    || (text.startsWith("gh", i)
                        && i + 3 < length
                        && "pousr".indexOf(text.charAt(i + 2)) >= 0
                        && text.charAt(i + 3) == '_');
            case 'A' ->
                text.startsWith("AKIA", i)
                    || text.startsWith("ASIA", i)
                    || text.startsWith("AIza", i);
            case 'x' -> text.startsWith("xox", i);
            case 'h' -> text.startsWith("hf_", i);
            case ':' -> text.startsWith("://", i);
            case 'b', 'B' ->
                text.regionMatches(true, i, "bearer", 0, 6)
                    || text.regionMatches(true, i, "basic", 0, 5);
            case 't', 'T' -> text.regionMatches(true, i, "token", 0, 5);
            default -> false;
          };
      if (marker) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #find}, and also any literal value under a key that names a secret: {@code api_key:
   * abc123xyz} is a secret whatever its shape.
   */
  public static Optional<String> findUnderKey(String key, String value) {
    Optional<String> shaped = find(value);
    if (shaped.isPresent() || value == null || key == null) {
      return shaped;
    }
    if (SECRET_KEY_NAME.matcher(key).matches()) {
      String literal = value.strip();
      int space = literal.indexOf(' ');
      // "Bearer $TOKEN": the scheme word before the reference is not a secret.
      String last = space < 0 ? literal : literal.substring(literal.lastIndexOf(' ') + 1);
      if (literal.length() >= 6 && !isEnvReference(last)) {
        return Optional.of("a literal value under '" + key + "'");
      }
    }
    return Optional.empty();
  }

  /**
   * Every credential in a JSON object of kept extras (keys RouteBench does not model), with the
   * path of the value under {@code basePath}, e.g. {@code targets[0].api_key}.
   */
  public static List<Finding> inJson(String basePath, String json) {
    var findings = new ArrayList<Finding>();
    if (json == null || json.isBlank()) {
      return findings;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return findings;
    }
    walk(basePath, null, root, findings);
    return findings;
  }

  /** Whether {@code text} is exactly an environment reference such as {@code $OPENAI_API_KEY}. */
  public static boolean isEnvReference(String text) {
    return text != null && ENV_REFERENCE.matcher(text.strip()).matches();
  }

  /**
   * {@code text} with every credential {@link #find} sees replaced by {@code ***}, for the rare
   * message that must show where a refused value was (never its secret part).
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (Shape shape : SHAPES) {
      redacted = shape.pattern().matcher(redacted).replaceAll("***");
    }
    redacted = replaceGroup(URL_PASSWORD, redacted);
    return replaceGroup(BEARER, redacted);
  }

  /**
   * A JSON object of kept extras with every credential {@link #inJson} finds replaced by {@code
   * ***} (a literal value under a key that names a secret included); text that is not JSON is
   * {@linkplain #redact redacted} as text.
   */
  public static String redactJson(String json) {
    if (json == null || json.isBlank()) {
      return json;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return redact(json);
    }
    return redactNode(null, root).toString();
  }

  private static JsonNode redactNode(String key, JsonNode node) {
    if (node.isTextual()) {
      return findUnderKey(key, node.asText()).isPresent()
          ? JSON.getNodeFactory().textNode("***")
          : node;
    }
    if (node.isObject()) {
      var copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(redact(field.getKey()), redactNode(field.getKey(), field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JSON.createArrayNode();
      node.forEach(item -> copy.add(redactNode(key, item)));
      return copy;
    }
    return node;
  }

  private static String replaceGroup(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    var out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      if (isEnvReference(matcher.group(1))) {
        continue;
      }
      out.append(text, last, matcher.start(1)).append("***");
      last = matcher.end(1);
    }
    return out.append(text.substring(last)).toString();
  }

  private static void walk(String path, String key, JsonNode node, List<Finding> findings) {
    if (node.isTextual()) {
      findUnderKey(key, node.asText()).ifPresent(kind -> findings.add(new Finding(path, kind)));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        find(field.getKey()).ifPresent(kind -> findings.add(new Finding(path, kind)));
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        walk(child, field.getKey(), field.getValue(), findings);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(path + "[" + i + "]", key, node.get(i), findings);
      }
    }
  }

  /**
   * A bearer token has no spaces and mixes letters with digits or symbols; "token limit" is not.
   */
  private static boolean looksLikeToken(String token) {
    if (token.length() < 16) {
      return false;
    }
    boolean letter = false;
    boolean other = false;
    for (char c : token.toCharArray()) {
      if (Character.isLetter(c)) {
        letter = true;
      } else if (Character.isDigit(c) || "-_.~+/=".indexOf(c) >= 0) {
        other = true;
      } else {
        return false;
      }
    }
    return letter && other;
  }

  /** The advice every secret message ends with. */
  public static final String ADVICE =
      "RouteBench never stores secrets: write an environment reference such as $OPENAI_API_KEY"
          + " instead";
}
