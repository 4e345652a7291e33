package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;

/**
 * Operations on assistants ({@code /assistants}). Arguments are checked when the method is called and a bad
 * one throws {@link IllegalArgumentException} before any I/O; failures of the exchange are signalled as
 * {@link AssistantsException} subclasses, such as {@link NotFoundException} for an unknown id.
 */
public interface AssistantOperations {

	/**
	 * Creates an assistant.
	 * @param request the assistant to create
	 * @return the created assistant
	 */
	Mono<Assistant> create(CreateAssistantRequest request);

	/**
	 * Retrieves an assistant.
	 * @param assistantId the assistant's id
	 * @return the assistant, or a {@link NotFoundException} error
	 */
	Mono<Assistant> retrieve(String assistantId);

	/**
	 * Modifies an assistant; only the values set in the request change.
	 * @param assistantId the assistant's id
	 * @param request the changes
	 * @return the modified assistant
	 */
	Mono<Assistant> update(String assistantId, ModifyAssistantRequest request);

	/**
	 * Deletes an assistant.
	 * @param assistantId the assistant's id
	 * @return the deletion status
	 */
	Mono<DeletionStatus> delete(String assistantId);

	/**
	 * Lists every assistant, newest first, fetching pages lazily as the subscriber asks for more.
	 * @return the assistants
	 */
	Flux<Assistant> list();

	/**
	 * Lists every assistant from the given cursor, fetching pages lazily as the subscriber asks for more.
	 * @param params page size, order and cursor
	 * @return the assistants
	 */
	Flux<Assistant> list(ListParams params);

	/**
	 * Fetches one page of assistants.
	 * @param params page size, order and cursor
	 * @return the page
	 */
	Mono<Page<Assistant>> listPage(ListParams params);

}
