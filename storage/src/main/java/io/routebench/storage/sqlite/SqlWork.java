package io.routebench.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work that runs inside one transaction and produces a value. */
@FunctionalInterface
public interface SqlWork<T> {

  T run(Connection connection) throws SQLException;
}
