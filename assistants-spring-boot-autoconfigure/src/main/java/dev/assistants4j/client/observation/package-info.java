/**
 * Micrometer observations of the client's operations: their name, key values and the convention that sets
 * them.
 */
@NullMarked
package dev.assistants4j.client.observation;

import org.jspecify.annotations.NullMarked;
