/**
 * The JSON mapping of the wire model: the client's own Jackson 3 mapper and the decoding of unions.
 */
@NullMarked
package dev.assistants4j.model.json;

import org.jspecify.annotations.NullMarked;
