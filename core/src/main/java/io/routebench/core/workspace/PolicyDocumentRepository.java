package io.routebench.core.workspace;

/**
 * Persists the workspace's policy document. Every {@link #save} is durable when it returns: the
 * workbench calls it after each user edit so a crash loses nothing.
 */
public interface PolicyDocumentRepository {

  PolicyDocument load();

  void save(PolicyDocument document);
}
