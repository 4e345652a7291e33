package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileListParams;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.file.OpenAiFile;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link FileOperations}.
 */
final class DefaultFileOperations implements FileOperations {

	private static final String FILES = "/files";

	private static final String FILE = "/files/{file_id}";

	private static final String CONTENT = "/files/{file_id}/content";

	private final ApiTransport transport;

	private final int maxInMemorySize;

	DefaultFileOperations(ApiTransport transport, int maxInMemorySize) {
		this.transport = transport;
		this.maxInMemorySize = maxInMemorySize;
	}

	@Override
	public Mono<OpenAiFile> upload(FileUpload upload) {
		Assert.notNull(upload, "'upload' must not be null");
		return this.transport.postMultipart(FILES, upload.toMultipart(), upload.isReplayable(), OpenAiFile.class);
	}

	@Override
	public Mono<OpenAiFile> retrieve(String fileId) {
		return this.transport.get(FILE, OpenAiFile.class, id(fileId, "fileId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String fileId) {
		return this.transport.delete(FILE, DeletionStatus.class, id(fileId, "fileId"));
	}

	@Override
	public Flux<OpenAiFile> list() {
		return list(FileListParams.none());
	}

	@Override
	public Flux<OpenAiFile> list(FileListParams params) {
		return this.transport.list(FILES, query(params), OpenAiFile.class, OpenAiFile::id);
	}

	@Override
	public Mono<Page<OpenAiFile>> listPage(FileListParams params) {
		return this.transport.page(FILES, query(params), OpenAiFile.class);
	}

	@Override
	public Flux<DataBuffer> content(String fileId) {
		return this.transport.download(CONTENT, id(fileId, "fileId"));
	}

	@Override
	public Mono<byte[]> contentAsBytes(String fileId) {
		return DataBufferUtils.join(content(fileId), this.maxInMemorySize).map((content) -> {
			byte[] bytes = new byte[content.readableByteCount()];
			content.read(bytes);
			DataBufferUtils.release(content);
			return bytes;
		})
			.onErrorMap(DataBufferLimitException.class, (ex) -> new AssistantsDecodingException("File " + fileId
					+ " is larger than max-in-memory-size (" + this.maxInMemorySize
					+ " bytes); stream it with content(fileId) or raise openai.assistants.max-in-memory-size", ex));
	}

	private static MultiValueMap<String, String> query(FileListParams params) {
		Assert.notNull(params, "'params' must not be null");
		MultiValueMap<String, String> query = listQuery(params.paging());
		if (params.purpose() != null) {
			query.add("purpose", params.purpose().value());
		}
		return query;
	}

}
