/**
 * Wire model of the messages of a thread: the message object, its content parts and annotations, and its
 * requests.
 */
@NullMarked
package dev.assistants4j.model.message;

import org.jspecify.annotations.NullMarked;
