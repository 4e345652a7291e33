package dev.assistants4j.client;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;

/**
 * Operations on batches of files added to a vector store together
 * ({@code /vector_stores/{vector_store_id}/file_batches}). Arguments are checked when the method is called
 * and a bad one throws {@link IllegalArgumentException} before any I/O; failures of the exchange are
 * signalled as {@link AssistantsException} subclasses, such as {@link NotFoundException} for an unknown vector
 * store or batch.
 */
public interface VectorStoreFileBatchOperations {

	/**
	 * The most file ids {@link #uploadAndPoll(String, List)} puts in one batch.
	 */
	int MAX_BATCH_SIZE = 100;

	/**
	 * Adds uploaded files to a vector store as one batch; they are processed in the background.
	 * @param vectorStoreId the vector store's id
	 * @param request the files to add
	 * @return the batch, or a {@link NotFoundException} error for an unknown vector store
	 */
	Mono<VectorStoreFileBatch> create(String vectorStoreId, CreateVectorStoreFileBatchRequest request);

	/**
	 * Retrieves a batch.
	 * @param vectorStoreId the vector store's id
	 * @param batchId the batch's id
	 * @return the batch, or a {@link NotFoundException} error
	 */
	Mono<VectorStoreFileBatch> retrieve(String vectorStoreId, String batchId);

	/**
	 * Cancels the processing of the files of a batch that are not processed yet.
	 * @param vectorStoreId the vector store's id
	 * @param batchId the batch's id
	 * @return the batch as the cancellation left it, or a {@link NotFoundException} error
	 */
	Mono<VectorStoreFileBatch> cancel(String vectorStoreId, String batchId);

	/**
	 * Lists every file of a batch, newest first, fetching pages lazily as the subscriber asks for more.
	 * @param vectorStoreId the vector store's id
	 * @param batchId the batch's id
	 * @return the files, or a {@link NotFoundException} error for an unknown batch
	 */
	Flux<VectorStoreFile> listFiles(String vectorStoreId, String batchId);

	/**
	 * Lists every file of a batch from the given cursor, optionally only those with a status, such as the
	 * failed ones, fetching pages lazily as the subscriber asks for more.
	 * @param vectorStoreId the vector store's id
	 * @param batchId the batch's id
	 * @param params page size, order, cursor and status
	 * @return the files, or a {@link NotFoundException} error for an unknown batch
	 */
	Flux<VectorStoreFile> listFiles(String vectorStoreId, String batchId, VectorStoreFileListParams params);

	/**
	 * Fetches one page of the files of a batch.
	 * @param vectorStoreId the vector store's id
	 * @param batchId the batch's id
	 * @param params page size, order, cursor and status
	 * @return the page, or a {@link NotFoundException} error for an unknown batch
	 */
	Mono<Page<VectorStoreFile>> listFilesPage(String vectorStoreId, String batchId,
			VectorStoreFileListParams params);

	/**
	 * Adds uploaded files as one batch and polls it until it is {@code completed}, {@code failed} or
	 * {@code cancelled}; {@link #listFiles(String, String, VectorStoreFileListParams)} with a {@code failed}
	 * filter then says which files failed and why. Polls are {@code poll.interval} apart unless the server asks
	 * otherwise, and all of it must end within {@code poll.timeout}.
	 * @param vectorStoreId the vector store's id
	 * @param request the files to add
	 * @return the processed batch, or an {@link AssistantsPollTimeoutException} error holding the last state
	 * seen
	 */
	Mono<VectorStoreFileBatch> createAndPoll(String vectorStoreId, CreateVectorStoreFileBatchRequest request);

	/**
	 * Uploads files, five at a time, and adds them to a vector store in batches of at most
	 * {@value #MAX_BATCH_SIZE}, each polled as {@link #createAndPoll} does, its poll timeout counting from its
	 * creation. A batch is created as soon as enough files are uploaded, while the others upload.
	 * @param vectorStoreId the vector store's id
	 * @param files the files to upload
	 * @return each processed batch, in order; an upload that fails ends it with that error, leaving the files
	 * uploaded so far in place
	 */
	Flux<VectorStoreFileBatch> uploadAndPoll(String vectorStoreId, List<FileUpload> files);

	/**
	 * Uploads files, at most {@code maxConcurrency} at a time, and adds them to a vector store as
	 * {@link #uploadAndPoll(String, List)} does.
	 * @param vectorStoreId the vector store's id
	 * @param files the files to upload
	 * @param maxConcurrency how many uploads may run at once, at least 1
	 * @return each processed batch, in order; an upload that fails ends it with that error, leaving the files
	 * uploaded so far in place
	 */
	Flux<VectorStoreFileBatch> uploadAndPoll(String vectorStoreId, List<FileUpload> files, int maxConcurrency);

}
