package io.bantam.testing;

class PostgresFirstTestClassIT extends PostgresPerTestClassSupport {
}
