package io.routebench.app.playtest;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * "Ask <target>": streams a real reply from the target the last message was routed to. A disabled
 * button shows no tooltip, so the reason it is disabled sits on this wrapper around it.
 */
final class AskTargetButton extends HBox {

  AskTargetButton(PlaytestViewModel viewModel) {
    ReplyStreams replies = viewModel.replies();
    var ask = new Button();
    ask.setId("playtestAskTargetButton");
    ask.setMinWidth(Region.USE_PREF_SIZE);
    ask.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var target = replies.lastRoutedTarget();
                  return target == null ? "Ask the target" : "Ask " + target.label();
                },
                viewModel.conversation().turns()));
    ask.setOnAction(e -> replies.askTarget());
    StringBinding why =
        Bindings.createStringBinding(
            () -> {
              String blocked = replies.whyNoReply();
              if (blocked != null) {
                return blocked;
              }
              var target = replies.lastRoutedTarget();
              return "Stream the reply of "
                  + target.label()
                  + " ("
                  + target.baseUrl()
                  + ") to the conversation so far; Esc stops it";
            },
            viewModel.conversation().turns(),
            replies.replyingProperty());
    ask.disableProperty().bind(why.map(text -> replies.whyNoReply() != null));
    var tooltip = new Tooltip();
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(420);
    tooltip.textProperty().bind(why);
    getChildren().add(ask);
    Tooltip.install(this, tooltip);
  }
}
