package dev.assistants4j.emulator;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The endpoints of the files of a vector store and of its file batches. A batch's files are ordinary files of
 * the store that remember their batch; cancelling a batch cancels those still in progress.
 */
final class VectorStoreFileEndpoints {

	private static final String VECTOR_STORE_ID = VectorStoreEndpoints.VECTOR_STORE_ID;

	private static final String FILE_ID = "file_id";

	private static final String BATCH_ID = "batch_id";

	private static final List<String> STATUSES = List.of("in_progress", "completed", "failed", "cancelled");

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	private final VectorStoreEndpoints stores;

	VectorStoreFileEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings,
			VectorStoreEndpoints stores) {
		this.state = state;
		this.json = json;
		this.settings = settings;
		this.stores = stores;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/vector_stores/{vector_store_id}/files", this::create)
			.GET("/vector_stores/{vector_store_id}/files", this::list)
			.GET("/vector_stores/{vector_store_id}/files/{file_id}", this::retrieve)
			.POST("/vector_stores/{vector_store_id}/files/{file_id}", this::update)
			.DELETE("/vector_stores/{vector_store_id}/files/{file_id}", this::delete)
			.POST("/vector_stores/{vector_store_id}/file_batches", this::createBatch)
			.GET("/vector_stores/{vector_store_id}/file_batches/{batch_id}", this::retrieveBatch)
			.POST("/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel", this::cancelBatch)
			.GET("/vector_stores/{vector_store_id}/file_batches/{batch_id}/files", this::listBatchFiles)
			.build();
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		VectorStoreState store = store(request);
		return this.json.read(request, CreateVectorStoreFileRequest.class).flatMap((body) -> {
			synchronized (store) {
				return pollable(this.stores.addFile(store, body.fileId(), body.chunkingStrategy(), body.attributes(),
						null).toWire());
			}
		});
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		VectorStoreState store = store(request);
		ListQuery query = ListQuery.of(request);
		Optional<VectorStoreFileStatus> filter = filter(request);
		synchronized (store) {
			return this.json.ok(store.files.page(query,
					(file) -> filter.isEmpty() || filter.get().equals(file.status()), VectorStoreFileState::toWire));
		}
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		VectorStoreState store = store(request);
		synchronized (store) {
			return pollable(file(store, request).toWire());
		}
	}

	private Mono<ServerResponse> update(ServerRequest request) {
		VectorStoreState store = store(request);
		file(store, request);
		return this.json.read(request, ModifyVectorStoreFileRequest.class).flatMap((body) -> {
			synchronized (store) {
				VectorStoreFileState file = file(store, request);
				file.attributes(body.attributes());
				return this.json.ok(file.toWire());
			}
		});
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		VectorStoreState store = store(request);
		String id = request.pathVariable(FILE_ID);
		synchronized (store) {
			if (store.files.remove(id) == null) {
				throw WireError.notFound("vector store file", id);
			}
		}
		return this.json.ok(new DeletionStatus(id, "vector_store.file.deleted", true));
	}

	private Mono<ServerResponse> createBatch(ServerRequest request) {
		VectorStoreState store = store(request);
		return this.json.readObject(request).flatMap((body) -> {
			boolean ids = present(body.get("file_ids"));
			boolean files = present(body.get("files"));
			if (!ids && !files) {
				throw WireError.missingParameter("file_ids");
			}
			if (ids && files) {
				throw WireError.invalid("Only one of 'file_ids' and 'files' may be given.", "files", null);
			}
			CreateVectorStoreFileBatchRequest batch = this.json.bind(body, CreateVectorStoreFileBatchRequest.class);
			List<CreateVectorStoreFileRequest> requested = (batch.fileIds() != null)
					? batch.fileIds().stream()
						.map((id) -> new CreateVectorStoreFileRequest(id, batch.chunkingStrategy(), batch.attributes()))
						.toList()
					: batch.files();
			requested.forEach((file) -> this.state.file(file.fileId()));
			synchronized (store) {
				FileBatchState created = new FileBatchState(store.id(), this.settings.now());
				store.batches.add(created.id(), created);
				requested.forEach((file) -> this.stores.addFile(store, file.fileId(), file.chunkingStrategy(),
						file.attributes(), created.id()));
				return batch(store, created);
			}
		});
	}

	private static boolean present(JsonNode value) {
		return value != null && !value.isNull() && !(value.isArray() && value.isEmpty());
	}

	private Mono<ServerResponse> retrieveBatch(ServerRequest request) {
		VectorStoreState store = store(request);
		synchronized (store) {
			return batch(store, batch(store, request));
		}
	}

	private Mono<ServerResponse> cancelBatch(ServerRequest request) {
		VectorStoreState store = store(request);
		synchronized (store) {
			FileBatchState batch = batch(store, request);
			boolean inProgress = false;
			for (VectorStoreFileState file : store.files.values()) {
				if (batch.id().equals(file.batchId()) && VectorStoreFileStatus.IN_PROGRESS.equals(file.status())) {
					file.cancel();
					inProgress = true;
				}
			}
			// A batch whose files were all indexed already has nothing left to cancel, and stays completed.
			if (inProgress) {
				batch.cancel();
			}
			return batch(store, batch);
		}
	}

	private Mono<ServerResponse> listBatchFiles(ServerRequest request) {
		VectorStoreState store = store(request);
		ListQuery query = ListQuery.of(request);
		Optional<VectorStoreFileStatus> filter = filter(request);
		synchronized (store) {
			FileBatchState batch = batch(store, request);
			return this.json.ok(store.files.page(query,
					(file) -> batch.id().equals(file.batchId())
							&& (filter.isEmpty() || filter.get().equals(file.status())),
					VectorStoreFileState::toWire));
		}
	}

	private Mono<ServerResponse> batch(VectorStoreState store, FileBatchState batch) {
		return pollable(batch.toWire(store));
	}

	/**
	 * Answers an object that clients poll until it is indexed, with the delay the service asks them to wait.
	 */
	private Mono<ServerResponse> pollable(Object body) {
		return this.json.ok(body, (headers) -> headers.set(RunEndpoints.POLL_AFTER,
				Long.toString(this.settings.pollAfter().toMillis())));
	}

	private VectorStoreState store(ServerRequest request) {
		return this.state.vectorStore(request.pathVariable(VECTOR_STORE_ID));
	}

	private static VectorStoreFileState file(VectorStoreState store, ServerRequest request) {
		String id = request.pathVariable(FILE_ID);
		return store.files.get(id, () -> WireError.notFound("vector store file", id));
	}

	private static FileBatchState batch(VectorStoreState store, ServerRequest request) {
		String id = request.pathVariable(BATCH_ID);
		return store.batches.get(id, () -> WireError.notFound("vector store file batch", id));
	}

	private static Optional<VectorStoreFileStatus> filter(ServerRequest request) {
		Optional<String> filter = request.queryParam("filter");
		filter.filter((status) -> !STATUSES.contains(status))
			.ifPresent((status) -> {
				throw WireError.invalidValue("filter", status, STATUSES);
			});
		return filter.map(VectorStoreFileStatus::of);
	}

}
