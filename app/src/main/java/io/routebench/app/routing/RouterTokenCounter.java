package io.routebench.app.routing;

import io.routebench.app.taxonomy.TokenCounter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/** The description editor's token counts from the router model the workbench has loaded. */
public final class RouterTokenCounter implements TokenCounter {

  private final LocalRouter router;

  /** A server has no tokenizer RouteBench can ask: only a loaded file names one. */
  private final ObservableValue<String> tokenizerName;

  public RouterTokenCounter(LocalRouter router) {
    this.router = router;
    tokenizerName =
        router
            .loadedProperty()
            .map(LocalRouter.Loaded::file)
            .map(Path::getFileName)
            .map(Path::toString);
  }

  @Override
  public ObservableValue<String> tokenizerNameProperty() {
    return tokenizerName;
  }

  @Override
  public void count(String text, Consumer<OptionalInt> answer) {
    router.countTokens(text, answer);
  }
}
