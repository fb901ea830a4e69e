package io.routebench.app.taxonomy;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

/**
 * Copied nodes on the system clipboard: in RouteBench's own format for a paste here, and as policy
 * YAML text for a chat, a doc or another RouteBench.
 */
final class NodeClipboard {

  /** {@link NodeClip#json()}. */
  private static final DataFormat FORMAT = new DataFormat("application/x-routebench-nodes+json");

  private NodeClipboard() {}

  static void put(NodeClip clip) {
    var content = new ClipboardContent();
    content.put(FORMAT, clip.json());
    content.putString(clip.yaml());
    Clipboard.getSystemClipboard().setContent(content);
  }

  /**
   * The copied nodes, or those of policy YAML text.
   *
   * @throws IllegalArgumentException saying why the clipboard holds nothing to paste
   */
  static NodeClip take() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    if (clipboard.hasContent(FORMAT)) {
      return NodeClip.fromJson((String) clipboard.getContent(FORMAT));
    }
    if (clipboard.hasString() && !clipboard.getString().isBlank()) {
      return NodeClip.fromYaml(clipboard.getString());
    }
    throw new IllegalArgumentException("the clipboard holds no copied domain or action");
  }
}
