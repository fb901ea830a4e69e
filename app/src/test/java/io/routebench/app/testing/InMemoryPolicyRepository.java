package io.routebench.app.testing;

import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.PolicyDocumentRepository;
import java.util.ArrayList;
import java.util.List;

/** A repository that keeps the document in memory, records every save and can be made to fail. */
public final class InMemoryPolicyRepository implements PolicyDocumentRepository {

  private PolicyDocument stored;
  private final List<PolicyDocument> saves = new ArrayList<>();
  private RuntimeException failure;

  public InMemoryPolicyRepository(PolicyDocument initial) {
    this.stored = initial;
  }

  @Override
  public synchronized PolicyDocument load() {
    return stored;
  }

  @Override
  public synchronized void save(PolicyDocument document) {
    if (failure != null) {
      throw failure;
    }
    stored = document;
    saves.add(document);
  }

  /** Every later save throws {@code failure} until {@link #recover()}. */
  public synchronized void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  public synchronized void recover() {
    this.failure = null;
  }

  public synchronized List<PolicyDocument> saves() {
    return List.copyOf(saves);
  }

  public synchronized PolicyDocument stored() {
    return stored;
  }
}
