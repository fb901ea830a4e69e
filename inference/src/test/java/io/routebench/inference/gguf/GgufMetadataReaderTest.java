package io.routebench.inference.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataReaderTest {

  @TempDir Path dir;

  @Test
  void reads_what_the_model_picker_shows_without_loading_the_model() throws Exception {
    Path model = TinyGgufModels.tinyQwen(dir);

    GgufModelInfo info = GgufMetadataReader.read(model);

    var shape = QwenShape.TINY;
    long vocab = ByteLevelVocabulary.create().size();
    long perBlock =
        2L * shape.width()
            + 2L * shape.width() * shape.width()
            + shape.width()
            + 2L * (shape.width() * shape.kvWidth() + shape.kvWidth())
            + 3L * shape.width() * shape.feedForward();
    assertThat(info.architecture()).isEqualTo("qwen2");
    assertThat(info.name()).isEqualTo("routebench-random-qwen2");
    assertThat(info.parameterCount())
        .isEqualTo(2L * shape.width() * vocab + shape.width() + shape.blocks() * perBlock);
    assertThat(info.fileType()).isEqualTo("F32");
    assertThat(info.contextLength()).isEqualTo(4096);
    assertThat(info.blockCount()).isEqualTo(2);
    assertThat(info.embeddingLength()).isEqualTo(64);
    assertThat(info.chatTemplate()).contains(QwenGgufBuilder.QWEN2_5_CHAT_TEMPLATE);
    assertThat(info.tokenizerModel()).isEqualTo("gpt2");
    assertThat(info.tokenizerPre()).isEqualTo("qwen2");
    assertThat(info.vocabularySize()).isEqualTo(vocab);
    assertThat(info.fileSize()).isEqualTo(Files.size(model));
    assertThat(info.ggufVersion()).isEqualTo(3);
  }

  @Test
  void a_model_without_template_says_so() {
    assertThat(GgufMetadataReader.read(TinyGgufModels.tinyQwenWithoutTemplate(dir)).chatTemplate())
        .isEmpty();
  }

  @Test
  void quantised_models_report_their_file_type() throws Exception {
    Path model = dir.resolve("q8.gguf");
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .weightType(GgmlType.Q8_0)
        .write(model);

    assertThat(GgufMetadataReader.read(model).fileType()).isEqualTo("Q8_0");
  }

  @Test
  void a_file_that_is_not_gguf_is_named_with_its_first_bytes() {
    Path file = TinyGgufModels.notAGguf(dir);

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .isInstanceOf(GgufFormatException.class)
        .hasMessage(
            "notes.gguf is not a GGUF model (it starts with 74 68 69 73 instead of \"GGUF\")");
  }

  @Test
  void a_truncated_file_is_reported_as_truncated() {
    Path file = TinyGgufModels.truncated(dir);

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("tiny-qwen2-truncated.gguf is truncated");
  }

  @Test
  void a_missing_file_is_named() {
    assertThatThrownBy(() -> GgufMetadataReader.read(dir.resolve("absent.gguf")))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("Model file not found")
        .hasMessageContaining("absent.gguf");
  }

  @Test
  void byte_tokens_follow_gpt2_byte_to_unicode() {
    assertThat(ByteLevelVocabulary.byteToken(' ')).isEqualTo("Ġ");
    assertThat(ByteLevelVocabulary.byteToken('\n')).isEqualTo("Ċ");
    assertThat(ByteLevelVocabulary.byteToken('a')).isEqualTo("a");
    assertThat(ByteLevelVocabulary.byteToken(0xE9)).isEqualTo("é");
  }
}
