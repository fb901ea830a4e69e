package io.routebench.app.proxy;

import io.routebench.app.forms.Forms;
import io.routebench.core.routing.ServingEngine;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The serving engine under the router bar of the Playtest: which wrapping the model reads, where
 * the decisions are watched, changeable in place (the Proxy tab has the rest: template, system
 * message).
 */
public final class ServedByBar {

  private final HBox root;

  public ServedByBar(ServingEngineViewModel viewModel) {
    ChoiceBox<ServingEngine> engine =
        Forms.choiceBox(List.of(ServingEngine.values()), ServingEngine::label);
    engine.setId("routerBarServedByChoice");
    engine.valueProperty().bindBidirectional(viewModel.servedByProperty());
    var tooltip = new Tooltip();
    tooltip.textProperty().bind(viewModel.wrappingProperty());
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(420);
    engine.setTooltip(tooltip);
    engine.setMinWidth(Region.USE_PREF_SIZE);
    var label = Forms.fieldLabel("Served by", engine);
    label.setMinWidth(Label.USE_PREF_SIZE);
    var wrapping = new Label();
    wrapping.setId("routerBarWrappingLabel");
    wrapping.getStyleClass().add("help");
    wrapping.setWrapText(true);
    wrapping.textProperty().bind(viewModel.shortWrappingProperty());
    HBox.setHgrow(wrapping, Priority.ALWAYS);
    root = new HBox(8, label, engine, wrapping);
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(4, 10, 0, 10));
  }

  public Node root() {
    return root;
  }
}
