package io.routebench.app.taxonomy;

import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/** Token counters that need no router model. */
final class TokenCounters {

  /** Never a tokenizer: every count is the estimate. */
  static final TokenCounter NONE =
      new TokenCounter() {
        private final ReadOnlyStringWrapper none = new ReadOnlyStringWrapper();

        @Override
        public ObservableValue<String> tokenizerNameProperty() {
          return none.getReadOnlyProperty();
        }

        @Override
        public void count(String text, Consumer<OptionalInt> answer) {
          answer.accept(OptionalInt.empty());
        }
      };

  private TokenCounters() {}
}
