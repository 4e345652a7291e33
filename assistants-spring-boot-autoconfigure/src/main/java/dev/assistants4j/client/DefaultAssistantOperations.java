package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link AssistantOperations}.
 */
final class DefaultAssistantOperations implements AssistantOperations {

	private static final String ASSISTANTS = "/assistants";

	private static final String ASSISTANT = "/assistants/{assistant_id}";

	private final ApiTransport transport;

	DefaultAssistantOperations(ApiTransport transport) {
		this.transport = transport;
	}

	@Override
	public Mono<Assistant> create(CreateAssistantRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(ASSISTANTS, request, Assistant.class);
	}

	@Override
	public Mono<Assistant> retrieve(String assistantId) {
		return this.transport.get(ASSISTANT, Assistant.class, id(assistantId, "assistantId"));
	}

	@Override
	public Mono<Assistant> update(String assistantId, ModifyAssistantRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(ASSISTANT, request, Assistant.class, id(assistantId, "assistantId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String assistantId) {
		return this.transport.delete(ASSISTANT, DeletionStatus.class, id(assistantId, "assistantId"));
	}

	@Override
	public Flux<Assistant> list() {
		return list(ListParams.none());
	}

	@Override
	public Flux<Assistant> list(ListParams params) {
		return this.transport.list(ASSISTANTS, listQuery(params), Assistant.class, Assistant::id);
	}

	@Override
	public Mono<Page<Assistant>> listPage(ListParams params) {
		return this.transport.page(ASSISTANTS, listQuery(params), Assistant.class);
	}

}
