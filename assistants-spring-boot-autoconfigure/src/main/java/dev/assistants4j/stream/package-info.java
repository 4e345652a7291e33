/**
 * Streamed runs: server-sent events decoded from the response bytes, and typed as run events.
 */
@NullMarked
package dev.assistants4j.stream;

import org.jspecify.annotations.NullMarked;
