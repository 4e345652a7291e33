package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileListParams;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.file.OpenAiFile;

/**
 * Operations on files ({@code /files}): uploads for the tools of assistants and threads, and their content.
 * Arguments are checked when the method is called and a bad one throws {@link IllegalArgumentException}
 * before any I/O; failures of the exchange are signalled as {@link AssistantsException} subclasses, such as
 * {@link NotFoundException} for an unknown file.
 */
public interface FileOperations {

	/**
	 * Uploads a file as a multipart form, streaming its content. An upload from a path, bytes or a resource
	 * that can be read again is retried as any request; an upload of a stream of buffers is never retried.
	 * @param upload the file, its name and its purpose, such as {@code FileUpload.of(Path.of("faq.pdf"))}
	 * @return the uploaded file, or a {@link BadRequestException} error for a file the server refuses
	 */
	Mono<OpenAiFile> upload(FileUpload upload);

	/**
	 * Retrieves a file's description.
	 * @param fileId the file's id
	 * @return the file, or a {@link NotFoundException} error
	 */
	Mono<OpenAiFile> retrieve(String fileId);

	/**
	 * Deletes a file, and removes it from every vector store.
	 * @param fileId the file's id
	 * @return the deletion status, or a {@link NotFoundException} error
	 */
	Mono<DeletionStatus> delete(String fileId);

	/**
	 * Lists every file, newest first, fetching pages lazily as the subscriber asks for more. A page of files
	 * holds up to 10,000 files by default.
	 * @return the files
	 */
	Flux<OpenAiFile> list();

	/**
	 * Lists every file from the given cursor, optionally only those with a purpose, fetching pages lazily as
	 * the subscriber asks for more.
	 * @param params page size, order, cursor and purpose
	 * @return the files
	 */
	Flux<OpenAiFile> list(FileListParams params);

	/**
	 * Fetches one page of files.
	 * @param params page size, order, cursor and purpose
	 * @return the page
	 */
	Mono<Page<OpenAiFile>> listPage(FileListParams params);

	/**
	 * Streams a file's content as the server sends it, never holding it whole, however large. The subscriber
	 * owns each buffer and must release it; {@code DataBufferUtils.write(content, path)} writes it to a file
	 * and does. Cancelling the subscription aborts the download. A failure before the first buffer is retried;
	 * one after it is signalled, since a retry would repeat what the subscriber already has.
	 * @param fileId the file's id
	 * @return the content, or a {@link NotFoundException} error
	 */
	Flux<DataBuffer> content(String fileId);

	/**
	 * Downloads a small file's content into memory, up to {@code openai.assistants.max-in-memory-size}
	 * (16 MB by default); use {@link #content(String)} for larger files.
	 * @param fileId the file's id
	 * @return the content, a {@link NotFoundException} error, or an {@link AssistantsDecodingException} error
	 * for a file larger than the limit
	 */
	Mono<byte[]> contentAsBytes(String fileId);

}
