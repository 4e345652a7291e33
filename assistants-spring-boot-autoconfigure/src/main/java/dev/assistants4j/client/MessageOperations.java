package dev.assistants4j.client;

/**
 * Operations on the messages of a thread ({@code /threads/{thread_id}/messages}).
 */
public interface MessageOperations {

}
