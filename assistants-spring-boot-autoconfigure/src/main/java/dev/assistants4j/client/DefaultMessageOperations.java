package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.ModifyMessageRequest;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link MessageOperations}.
 */
final class DefaultMessageOperations implements MessageOperations {

	private static final String MESSAGES = "/threads/{thread_id}/messages";

	private static final String MESSAGE = "/threads/{thread_id}/messages/{message_id}";

	private final ApiTransport transport;

	DefaultMessageOperations(ApiTransport transport) {
		this.transport = transport;
	}

	@Override
	public Mono<Message> create(String threadId, CreateMessageRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(MESSAGES, request, Message.class, id(threadId, "threadId"));
	}

	@Override
	public Mono<Message> retrieve(String threadId, String messageId) {
		return this.transport.get(MESSAGE, Message.class, id(threadId, "threadId"), id(messageId, "messageId"));
	}

	@Override
	public Mono<Message> update(String threadId, String messageId, ModifyMessageRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(MESSAGE, request, Message.class, id(threadId, "threadId"),
				id(messageId, "messageId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String threadId, String messageId) {
		return this.transport.delete(MESSAGE, DeletionStatus.class, id(threadId, "threadId"),
				id(messageId, "messageId"));
	}

	@Override
	public Flux<Message> list(String threadId) {
		return list(threadId, MessageListParams.none());
	}

	@Override
	public Flux<Message> list(String threadId, MessageListParams params) {
		return this.transport.list(MESSAGES, query(params), Message.class, Message::id, id(threadId, "threadId"));
	}

	@Override
	public Mono<Page<Message>> listPage(String threadId, MessageListParams params) {
		return this.transport.page(MESSAGES, query(params), Message.class, id(threadId, "threadId"));
	}

	private static MultiValueMap<String, String> query(MessageListParams params) {
		Assert.notNull(params, "'params' must not be null");
		MultiValueMap<String, String> query = listQuery(params.paging());
		if (params.runId() != null) {
			query.add("run_id", params.runId());
		}
		return query;
	}

}
