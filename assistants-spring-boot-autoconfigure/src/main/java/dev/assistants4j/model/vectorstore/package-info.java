/**
 * Wire model of vector stores.
 */
@NullMarked
package dev.assistants4j.model.vectorstore;

import org.jspecify.annotations.NullMarked;
