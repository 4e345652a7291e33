package dev.assistants4j.client;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.DefaultVectorStoreFileOperations.PROCESSED;
import static dev.assistants4j.client.DefaultVectorStoreFileOperations.query;

/**
 * Default {@link VectorStoreFileBatchOperations}.
 */
final class DefaultVectorStoreFileBatchOperations implements VectorStoreFileBatchOperations {

	private static final int DEFAULT_UPLOAD_CONCURRENCY = 5;

	private static final String BATCHES = "/vector_stores/{vector_store_id}/file_batches";

	private static final String BATCH = "/vector_stores/{vector_store_id}/file_batches/{batch_id}";

	private static final String CANCEL = "/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel";

	private static final String FILES = "/vector_stores/{vector_store_id}/file_batches/{batch_id}/files";

	private final ApiTransport transport;

	private final FileOperations files;

	private final Poller poller;

	DefaultVectorStoreFileBatchOperations(ApiTransport transport, FileOperations files, Poller poller) {
		this.transport = transport;
		this.files = files;
		this.poller = poller;
	}

	@Override
	public Mono<VectorStoreFileBatch> create(String vectorStoreId, CreateVectorStoreFileBatchRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(BATCHES, request, VectorStoreFileBatch.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<VectorStoreFileBatch> retrieve(String vectorStoreId, String batchId) {
		return this.transport.get(BATCH, VectorStoreFileBatch.class, id(vectorStoreId, "vectorStoreId"),
				id(batchId, "batchId"));
	}

	@Override
	public Mono<VectorStoreFileBatch> cancel(String vectorStoreId, String batchId) {
		return this.transport.post(CANCEL, null, VectorStoreFileBatch.class, id(vectorStoreId, "vectorStoreId"),
				id(batchId, "batchId"));
	}

	@Override
	public Flux<VectorStoreFile> listFiles(String vectorStoreId, String batchId) {
		return listFiles(vectorStoreId, batchId, VectorStoreFileListParams.none());
	}

	@Override
	public Flux<VectorStoreFile> listFiles(String vectorStoreId, String batchId, VectorStoreFileListParams params) {
		return this.transport.list(FILES, query(params), VectorStoreFile.class, VectorStoreFile::id,
				id(vectorStoreId, "vectorStoreId"), id(batchId, "batchId"));
	}

	@Override
	public Mono<Page<VectorStoreFile>> listFilesPage(String vectorStoreId, String batchId,
			VectorStoreFileListParams params) {
		return this.transport.page(FILES, query(params), VectorStoreFile.class, id(vectorStoreId, "vectorStoreId"),
				id(batchId, "batchId"));
	}

	@Override
	public Mono<VectorStoreFileBatch> createAndPoll(String vectorStoreId, CreateVectorStoreFileBatchRequest request) {
		Mono<VectorStoreFileBatch> create = create(vectorStoreId, request);
		return this.poller.poll("File batch in vector store " + vectorStoreId, create,
				(batch) -> this.transport.getResponse(BATCH, VectorStoreFileBatch.class, vectorStoreId,
						id(batch.id(), "id of the created batch")),
				Poller.statusIn(VectorStoreFileBatch::status, PROCESSED), VectorStoreFileBatch::status);
	}

	@Override
	public Flux<VectorStoreFileBatch> uploadAndPoll(String vectorStoreId, List<FileUpload> files) {
		return uploadAndPoll(vectorStoreId, files, DEFAULT_UPLOAD_CONCURRENCY);
	}

	@Override
	public Flux<VectorStoreFileBatch> uploadAndPoll(String vectorStoreId, List<FileUpload> files,
			int maxConcurrency) {
		id(vectorStoreId, "vectorStoreId");
		Assert.notEmpty(files, "'files' must not be empty");
		Assert.noNullElements(files, "'files' must not contain null elements");
		Assert.isTrue(maxConcurrency >= 1, () -> "'maxConcurrency' must be at least 1 but was " + maxConcurrency);
		return Flux.fromIterable(List.copyOf(files))
			.flatMap(this.files::upload, maxConcurrency)
			.map((uploaded) -> id(uploaded.id(), "id of an uploaded file"))
			// The API refuses larger batches: each batch is created as soon as it is full.
			.buffer(MAX_BATCH_SIZE)
			.concatMap((fileIds) -> createAndPoll(vectorStoreId, CreateVectorStoreFileBatchRequest.of(fileIds)));
	}

}
