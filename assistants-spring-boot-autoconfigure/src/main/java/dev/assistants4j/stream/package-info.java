/**
 * Streamed runs: server-sent events decoded from the response bytes.
 */
@NullMarked
package dev.assistants4j.stream;

import org.jspecify.annotations.NullMarked;
