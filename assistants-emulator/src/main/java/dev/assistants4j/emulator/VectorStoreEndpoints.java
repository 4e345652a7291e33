package dev.assistants4j.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ExpirationPolicy;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileErrorCode;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The vector stores endpoints, and the adding of files to a store that its files and file batches share.
 * Adding a file stores nothing but its size: the file is {@code in_progress} until a step delay has passed,
 * then {@code completed}, or {@code failed} with {@code unsupported_file} when file search cannot read its
 * type.
 */
final class VectorStoreEndpoints {

	static final String VECTOR_STORE_ID = "vector_store_id";

	// The chunking the service applies for "auto": 800-token chunks overlapping by 400.
	private static final ChunkingStrategy AUTO_CHUNKING = ChunkingStrategy.fixed(800, 400);

	private static final Set<String> SEARCHABLE = Set.of("c", "cpp", "cs", "css", "doc", "docx", "go", "html",
			"java", "js", "json", "md", "pdf", "php", "pptx", "py", "rb", "sh", "tex", "ts", "txt");

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	VectorStoreEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings) {
		this.state = state;
		this.json = json;
		this.settings = settings;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/vector_stores", this::create)
			.GET("/vector_stores", this::list)
			.GET("/vector_stores/{vector_store_id}", this::retrieve)
			.POST("/vector_stores/{vector_store_id}", this::modify)
			.DELETE("/vector_stores/{vector_store_id}", this::delete)
			.build();
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		return this.json.read(request, CreateVectorStoreRequest.class).flatMap((body) -> {
			checkExpiration(body.expiresAfter());
			List<String> fileIds = (body.fileIds() != null) ? body.fileIds() : List.of();
			fileIds.forEach(this.state::file);
			VectorStoreState store = new VectorStoreState(this.settings.now(), body.name(), body.description(),
					body.expiresAfter(), body.metadata());
			synchronized (store) {
				fileIds.forEach((fileId) -> addFile(store, fileId, body.chunkingStrategy(), null, null));
				this.state.vectorStores.add(store.id(), store);
				return this.json.ok(store.toWire(this.settings.now()));
			}
		});
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		ListQuery query = ListQuery.of(request);
		long now = this.settings.now();
		return this.json.ok(this.state.vectorStores.page(query, (store) -> true, (store) -> {
			synchronized (store) {
				return store.toWire(now);
			}
		}));
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		VectorStoreState store = this.state.vectorStore(request.pathVariable(VECTOR_STORE_ID));
		synchronized (store) {
			return this.json.ok(store.toWire(this.settings.now()));
		}
	}

	private Mono<ServerResponse> modify(ServerRequest request) {
		VectorStoreState store = this.state.vectorStore(request.pathVariable(VECTOR_STORE_ID));
		return this.json.read(request, ModifyVectorStoreRequest.class).flatMap((body) -> {
			checkExpiration(body.expiresAfter());
			synchronized (store) {
				long now = this.settings.now();
				store.modify(body.name(), body.expiresAfter(), body.metadata(), now);
				return this.json.ok(store.toWire(now));
			}
		});
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable(VECTOR_STORE_ID);
		if (this.state.vectorStores.remove(id) == null) {
			throw WireError.notFound("vector store", id);
		}
		return this.json.ok(new DeletionStatus(id, "vector_store.deleted", true));
	}

	private static void checkExpiration(@Nullable ExpirationPolicy expiresAfter) {
		if (expiresAfter == null) {
			return;
		}
		if (!"last_active_at".equals(expiresAfter.anchor())) {
			throw WireError.invalidValue("expires_after.anchor", expiresAfter.anchor(), List.of("last_active_at"));
		}
		if (expiresAfter.days() == null || expiresAfter.days() < 1 || expiresAfter.days() > 365) {
			throw WireError.invalid("Invalid 'expires_after.days': expected a value between 1 and 365, but got "
					+ expiresAfter.days() + " instead.", "expires_after.days", "invalid_value");
		}
	}

	/**
	 * Adds a file to a store, under the store's lock, and schedules the end of its indexing. A file already
	 * in the store stays as it is.
	 * @throws WireError if there is no such file
	 */
	VectorStoreFileState addFile(VectorStoreState store, String fileId, @Nullable ChunkingStrategy chunking,
			@Nullable Map<String, Object> attributes, @Nullable String batchId) {
		StoredFile file = this.state.file(fileId);
		VectorStoreFileState existing = store.files.find(fileId);
		if (existing != null) {
			return existing;
		}
		ChunkingStrategy applied = (chunking == null || chunking instanceof ChunkingStrategy.Auto) ? AUTO_CHUNKING
				: chunking;
		Long bytes = file.file().bytes();
		VectorStoreFileState added = new VectorStoreFileState(fileId, store.id(), this.settings.now(),
				(bytes != null) ? bytes : file.content().length, applied, attributes, batchId);
		store.files.add(fileId, added);
		VectorStoreFile.LastError failure = searchable(file.file().filename()) ? null
				: new VectorStoreFile.LastError(VectorStoreFileErrorCode.UNSUPPORTED_FILE,
						"The file type is not supported.");
		this.state.schedule(this.settings.stepDelay(), () -> {
			synchronized (store) {
				added.index(failure);
			}
		});
		return added;
	}

	private static boolean searchable(@Nullable String filename) {
		int dot = (filename != null) ? filename.lastIndexOf('.') : -1;
		return dot >= 0 && SEARCHABLE.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

}
