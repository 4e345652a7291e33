package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;

/**
 * Operations on the files of a vector store ({@code /vector_stores/{vector_store_id}/files}). Arguments are
 * checked when the method is called and a bad one throws {@link IllegalArgumentException} before any I/O;
 * failures of the exchange are signalled as {@link AssistantsException} subclasses, such as
 * {@link NotFoundException} for an unknown vector store or file.
 */
public interface VectorStoreFileOperations {

	/**
	 * Adds an uploaded file to a vector store; it is processed in the background.
	 * @param vectorStoreId the vector store's id
	 * @param request the file to add
	 * @return the vector store file, or a {@link NotFoundException} error for an unknown vector store or file
	 */
	Mono<VectorStoreFile> create(String vectorStoreId, CreateVectorStoreFileRequest request);

	/**
	 * Retrieves a file of a vector store.
	 * @param vectorStoreId the vector store's id
	 * @param fileId the file's id
	 * @return the vector store file, or a {@link NotFoundException} error
	 */
	Mono<VectorStoreFile> retrieve(String vectorStoreId, String fileId);

	/**
	 * Replaces the attributes of a file of a vector store.
	 * @param vectorStoreId the vector store's id
	 * @param fileId the file's id
	 * @param request the new attributes
	 * @return the modified vector store file, or a {@link NotFoundException} error
	 */
	Mono<VectorStoreFile> update(String vectorStoreId, String fileId, ModifyVectorStoreFileRequest request);

	/**
	 * Removes a file from a vector store; the file stays uploaded.
	 * @param vectorStoreId the vector store's id
	 * @param fileId the file's id
	 * @return the deletion status, or a {@link NotFoundException} error
	 */
	Mono<DeletionStatus> delete(String vectorStoreId, String fileId);

	/**
	 * Lists every file of a vector store, newest first, fetching pages lazily as the subscriber asks for more.
	 * @param vectorStoreId the vector store's id
	 * @return the files, or a {@link NotFoundException} error for an unknown vector store
	 */
	Flux<VectorStoreFile> list(String vectorStoreId);

	/**
	 * Lists every file of a vector store from the given cursor, optionally only those with a status, fetching
	 * pages lazily as the subscriber asks for more.
	 * @param vectorStoreId the vector store's id
	 * @param params page size, order, cursor and status
	 * @return the files, or a {@link NotFoundException} error for an unknown vector store
	 */
	Flux<VectorStoreFile> list(String vectorStoreId, VectorStoreFileListParams params);

	/**
	 * Fetches one page of the files of a vector store.
	 * @param vectorStoreId the vector store's id
	 * @param params page size, order, cursor and status
	 * @return the page, or a {@link NotFoundException} error for an unknown vector store
	 */
	Mono<Page<VectorStoreFile>> listPage(String vectorStoreId, VectorStoreFileListParams params);

	/**
	 * Adds an uploaded file to a vector store and polls it until it is {@code completed}, {@code failed} or
	 * {@code cancelled}. A failed file is returned, not signalled: its last error says why it failed. Polls are
	 * {@code poll.interval} apart unless the server asks otherwise, and all of it must end within
	 * {@code poll.timeout}.
	 * @param vectorStoreId the vector store's id
	 * @param request the file to add
	 * @return the processed file, or an {@link AssistantsPollTimeoutException} error holding the last state
	 * seen
	 */
	Mono<VectorStoreFile> createAndPoll(String vectorStoreId, CreateVectorStoreFileRequest request);

	/**
	 * Uploads a file, adds it to a vector store and polls it as {@link #createAndPoll} does; the poll timeout
	 * counts from the end of the upload.
	 * @param vectorStoreId the vector store's id
	 * @param file the file to upload, such as {@code FileUpload.of(Path.of("faq.pdf"))}
	 * @return the processed file, or an {@link AssistantsPollTimeoutException} error holding the last state
	 * seen
	 */
	Mono<VectorStoreFile> uploadAndPoll(String vectorStoreId, FileUpload file);

}
