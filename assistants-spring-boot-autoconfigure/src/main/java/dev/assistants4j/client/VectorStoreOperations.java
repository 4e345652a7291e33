package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStore;

/**
 * Operations on vector stores ({@code /vector_stores}), the collections of processed files that the
 * {@code file_search} tool searches. Arguments are checked when the method is called and a bad one throws
 * {@link IllegalArgumentException} before any I/O; failures of the exchange are signalled as
 * {@link AssistantsException} subclasses, such as {@link NotFoundException} for an unknown vector store.
 */
public interface VectorStoreOperations {

	/**
	 * Creates a vector store, empty or with uploaded files; the files are processed in the background.
	 * @param request the vector store to create
	 * @return the created vector store, or a {@link NotFoundException} error for an unknown file
	 */
	Mono<VectorStore> create(CreateVectorStoreRequest request);

	/**
	 * Retrieves a vector store.
	 * @param vectorStoreId the vector store's id
	 * @return the vector store, or a {@link NotFoundException} error
	 */
	Mono<VectorStore> retrieve(String vectorStoreId);

	/**
	 * Modifies a vector store; only the values set in the request change.
	 * @param vectorStoreId the vector store's id
	 * @param request the changes
	 * @return the modified vector store, or a {@link NotFoundException} error
	 */
	Mono<VectorStore> update(String vectorStoreId, ModifyVectorStoreRequest request);

	/**
	 * Deletes a vector store; its files stay uploaded.
	 * @param vectorStoreId the vector store's id
	 * @return the deletion status, or a {@link NotFoundException} error
	 */
	Mono<DeletionStatus> delete(String vectorStoreId);

	/**
	 * Lists every vector store, newest first, fetching pages lazily as the subscriber asks for more.
	 * @return the vector stores
	 */
	Flux<VectorStore> list();

	/**
	 * Lists every vector store from the given cursor, fetching pages lazily as the subscriber asks for more.
	 * @param params page size, order and cursor
	 * @return the vector stores
	 */
	Flux<VectorStore> list(ListParams params);

	/**
	 * Fetches one page of vector stores.
	 * @param params page size, order and cursor
	 * @return the page
	 */
	Mono<Page<VectorStore>> listPage(ListParams params);

	/**
	 * Creates a vector store and polls it until its files are processed: until it is {@code completed} (or
	 * {@code expired}). Polls are {@code poll.interval} apart unless the server asks otherwise, and all of
	 * it must end within {@code poll.timeout}.
	 * @param request the vector store to create
	 * @return the vector store once processed, or an {@link AssistantsPollTimeoutException} error holding
	 * the last state seen
	 */
	Mono<VectorStore> createAndPoll(CreateVectorStoreRequest request);

}
