package io.routebench.storage;

import java.nio.file.Path;

/**
 * What {@link WorkspaceFile#inspect} found.
 *
 * @param schemaVersion the file's schema version; 0 when it is not a workspace
 * @param detail a sentence for the user explaining the status
 */
public record WorkspaceInspection(
    Path file, WorkspaceStatus status, int schemaVersion, String detail) {}
