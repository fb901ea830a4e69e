package io.routebench.inference.gguf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the BPE vocabulary of a Hugging Face {@code tokenizer.json} (Qwen's, for the benchmark) and
 * pads it to the embedding size the way llama.cpp's converter does, with unused {@code [PADn]}
 * tokens.
 */
public final class HuggingFaceVocabulary {

  private HuggingFaceVocabulary() {}

  public static Vocabulary read(Path tokenizerJson, int paddedSize) throws IOException {
    JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
    JsonNode model = root.path("model");
    if (!"BPE".equals(model.path("type").asText())) {
      throw new IOException(tokenizerJson + " is not a BPE tokenizer");
    }
    int maxId = -1;
    for (JsonNode added : root.path("added_tokens")) {
      maxId = Math.max(maxId, added.path("id").asInt());
    }
    for (JsonNode id : model.path("vocab")) {
      maxId = Math.max(maxId, id.asInt());
    }
    int size = Math.max(paddedSize, maxId + 1);
    String[] tokens = new String[size];
    int[] types = new int[size];
    Iterator<Map.Entry<String, JsonNode>> vocab = model.path("vocab").fields();
    while (vocab.hasNext()) {
      var entry = vocab.next();
      tokens[entry.getValue().asInt()] = entry.getKey();
      types[entry.getValue().asInt()] = Vocabulary.NORMAL;
    }
    int endOfText = -1;
    int endOfTurn = -1;
    for (JsonNode added : root.path("added_tokens")) {
      int id = added.path("id").asInt();
      String content = added.path("content").asText();
      tokens[id] = content;
      types[id] = added.path("special").asBoolean() ? Vocabulary.CONTROL : Vocabulary.USER_DEFINED;
      if (content.equals("<|endoftext|>")) {
        endOfText = id;
      } else if (content.equals("<|im_end|>")) {
        endOfTurn = id;
      }
    }
    for (int id = 0; id < size; id++) {
      if (tokens[id] == null) {
        tokens[id] = "[PAD" + id + "]";
        types[id] = Vocabulary.UNUSED;
      }
    }
    var merges = new ArrayList<String>();
    for (JsonNode merge : model.path("merges")) {
      merges.add(
          merge.isArray() ? merge.get(0).asText() + " " + merge.get(1).asText() : merge.asText());
    }
    if (endOfText < 0 || endOfTurn < 0) {
      throw new IOException(tokenizerJson + " lacks <|endoftext|> or <|im_end|>");
    }
    return new Vocabulary(
        Arrays.asList(tokens), types, List.copyOf(merges), endOfText, endOfTurn, endOfText);
  }
}
