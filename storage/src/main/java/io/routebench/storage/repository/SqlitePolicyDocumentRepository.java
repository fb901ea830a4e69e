package io.routebench.storage.repository;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.PolicyDocumentRepository;
import io.routebench.storage.sqlite.TransactionRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * The workspace's policy document in normalized tables. {@link #save} replaces the whole document
 * in one transaction, fast enough to run after every edit; domains and actions keep their ids.
 */
public final class SqlitePolicyDocumentRepository implements PolicyDocumentRepository {

  private final TransactionRunner transactions;

  public SqlitePolicyDocumentRepository(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public PolicyDocument load() {
    return transactions.inReadTransaction("load the policy document", PolicyDocumentReader::read);
  }

  /**
   * Stores {@code document} in place of the stored one. Anything a validator would flag (duplicate
   * models or route names, missing targets) is stored as is, so an edit in progress is never lost.
   *
   * @throws IllegalArgumentException when two domains, or two actions, share an id: ids are the
   *     identity of taxonomy nodes, and such a document would lose one of them
   */
  @Override
  public void save(PolicyDocument document) {
    Objects.requireNonNull(document, "document");
    requireUniqueIds(document.taxonomy().domains());
    transactions.inTransaction(
        "save the policy document",
        connection -> {
          PolicyDocumentWriter.write(connection, document);
          return null;
        });
  }

  private static void requireUniqueIds(List<Domain> domains) {
    var domainPaths = new HashMap<String, String>();
    var actionPaths = new HashMap<String, String>();
    for (int d = 0; d < domains.size(); d++) {
      Domain domain = domains.get(d);
      String domainPath = "domains[" + d + "]";
      requireFirstUse(domainPaths, domain.id(), domainPath);
      for (int a = 0; a < domain.actions().size(); a++) {
        Action action = domain.actions().get(a);
        requireFirstUse(actionPaths, action.id(), domainPath + ".actions[" + a + "]");
      }
    }
  }

  private static void requireFirstUse(HashMap<String, String> pathsById, String id, String path) {
    String earlier = pathsById.putIfAbsent(id, path);
    if (earlier != null) {
      throw new IllegalArgumentException(
          path + ".id '" + id + "' is also the id of " + earlier + "; ids must be unique");
    }
  }
}
