package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.ModifyMessageRequest;

/**
 * Operations on the messages of a thread ({@code /threads/{thread_id}/messages}). Arguments are checked when
 * the method is called and a bad one throws {@link IllegalArgumentException} before any I/O; failures of the
 * exchange are signalled as {@link AssistantsException} subclasses, such as {@link NotFoundException} for an
 * unknown thread or message.
 */
public interface MessageOperations {

	/**
	 * Adds a message to a thread.
	 * @param threadId the thread's id
	 * @param request the message to create
	 * @return the created message, or a {@link NotFoundException} error for an unknown thread
	 */
	Mono<Message> create(String threadId, CreateMessageRequest request);

	/**
	 * Retrieves a message.
	 * @param threadId the id of the thread the message belongs to
	 * @param messageId the message's id
	 * @return the message, or a {@link NotFoundException} error
	 */
	Mono<Message> retrieve(String threadId, String messageId);

	/**
	 * Modifies a message; only the values set in the request change.
	 * @param threadId the id of the thread the message belongs to
	 * @param messageId the message's id
	 * @param request the changes
	 * @return the modified message, or a {@link NotFoundException} error
	 */
	Mono<Message> update(String threadId, String messageId, ModifyMessageRequest request);

	/**
	 * Deletes a message.
	 * @param threadId the id of the thread the message belongs to
	 * @param messageId the message's id
	 * @return the deletion status, or a {@link NotFoundException} error
	 */
	Mono<DeletionStatus> delete(String threadId, String messageId);

	/**
	 * Lists every message of a thread, newest first, fetching pages lazily as the subscriber asks for more.
	 * @param threadId the thread's id
	 * @return the messages, or a {@link NotFoundException} error for an unknown thread
	 */
	Flux<Message> list(String threadId);

	/**
	 * Lists every message of a thread from the given cursor, optionally only those a run created, fetching
	 * pages lazily as the subscriber asks for more.
	 * @param threadId the thread's id
	 * @param params page size, order, cursor and run
	 * @return the messages, or a {@link NotFoundException} error for an unknown thread
	 */
	Flux<Message> list(String threadId, MessageListParams params);

	/**
	 * Fetches one page of the messages of a thread.
	 * @param threadId the thread's id
	 * @param params page size, order, cursor and run
	 * @return the page, or a {@link NotFoundException} error for an unknown thread
	 */
	Mono<Page<Message>> listPage(String threadId, MessageListParams params);

}
