/**
 * Wire model of threads: the thread object and its requests.
 */
@NullMarked
package dev.assistants4j.model.thread;

import org.jspecify.annotations.NullMarked;
