/**
 * Streamed runs: server-sent events decoded from the response bytes, typed as run events, and folded into
 * the run, messages and steps they describe.
 */
@NullMarked
package dev.assistants4j.stream;

import org.jspecify.annotations.NullMarked;
