package dev.assistants4j.client;

import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link VectorStoreOperations}.
 */
final class DefaultVectorStoreOperations implements VectorStoreOperations {

	private static final String VECTOR_STORES = "/vector_stores";

	private static final String VECTOR_STORE = "/vector_stores/{vector_store_id}";

	private static final Set<VectorStoreStatus> PROCESSED = Set.of(VectorStoreStatus.COMPLETED,
			VectorStoreStatus.EXPIRED);

	private final ApiTransport transport;

	private final Poller poller;

	DefaultVectorStoreOperations(ApiTransport transport, Poller poller) {
		this.transport = transport;
		this.poller = poller;
	}

	@Override
	public Mono<VectorStore> create(CreateVectorStoreRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(VECTOR_STORES, request, VectorStore.class);
	}

	@Override
	public Mono<VectorStore> retrieve(String vectorStoreId) {
		return this.transport.get(VECTOR_STORE, VectorStore.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<VectorStore> update(String vectorStoreId, ModifyVectorStoreRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(VECTOR_STORE, request, VectorStore.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String vectorStoreId) {
		return this.transport.delete(VECTOR_STORE, DeletionStatus.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Flux<VectorStore> list() {
		return list(ListParams.none());
	}

	@Override
	public Flux<VectorStore> list(ListParams params) {
		return this.transport.list(VECTOR_STORES, listQuery(params), VectorStore.class, VectorStore::id);
	}

	@Override
	public Mono<Page<VectorStore>> listPage(ListParams params) {
		return this.transport.page(VECTOR_STORES, listQuery(params), VectorStore.class);
	}

	@Override
	public Mono<VectorStore> createAndPoll(CreateVectorStoreRequest request) {
		Mono<VectorStore> create = create(request);
		String what = (request.name() != null) ? "Vector store '" + request.name() + "'" : "Vector store";
		return this.poller.poll(what, create, (store) -> this.transport.getResponse(VECTOR_STORE, VectorStore.class,
				id(store.id(), "id of the created vector store")),
				Poller.statusIn(VectorStore::status, PROCESSED), VectorStore::status);
	}

}
