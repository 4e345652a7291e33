package dev.assistants4j.client;

import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link VectorStoreFileOperations}.
 */
final class DefaultVectorStoreFileOperations implements VectorStoreFileOperations {

	/** The statuses that end the polling of a file or of a file batch. */
	static final Set<VectorStoreFileStatus> PROCESSED = Set.of(VectorStoreFileStatus.COMPLETED,
			VectorStoreFileStatus.FAILED, VectorStoreFileStatus.CANCELLED);

	private static final String FILES = "/vector_stores/{vector_store_id}/files";

	private static final String FILE = "/vector_stores/{vector_store_id}/files/{file_id}";

	private final ApiTransport transport;

	private final FileOperations files;

	private final Poller poller;

	DefaultVectorStoreFileOperations(ApiTransport transport, FileOperations files, Poller poller) {
		this.transport = transport;
		this.files = files;
		this.poller = poller;
	}

	@Override
	public Mono<VectorStoreFile> create(String vectorStoreId, CreateVectorStoreFileRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(FILES, request, VectorStoreFile.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<VectorStoreFile> retrieve(String vectorStoreId, String fileId) {
		return this.transport.get(FILE, VectorStoreFile.class, id(vectorStoreId, "vectorStoreId"),
				id(fileId, "fileId"));
	}

	@Override
	public Mono<VectorStoreFile> update(String vectorStoreId, String fileId, ModifyVectorStoreFileRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(FILE, request, VectorStoreFile.class, id(vectorStoreId, "vectorStoreId"),
				id(fileId, "fileId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String vectorStoreId, String fileId) {
		return this.transport.delete(FILE, DeletionStatus.class, id(vectorStoreId, "vectorStoreId"),
				id(fileId, "fileId"));
	}

	@Override
	public Flux<VectorStoreFile> list(String vectorStoreId) {
		return list(vectorStoreId, VectorStoreFileListParams.none());
	}

	@Override
	public Flux<VectorStoreFile> list(String vectorStoreId, VectorStoreFileListParams params) {
		return this.transport.list(FILES, query(params), VectorStoreFile.class, VectorStoreFile::id,
				id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<Page<VectorStoreFile>> listPage(String vectorStoreId, VectorStoreFileListParams params) {
		return this.transport.page(FILES, query(params), VectorStoreFile.class, id(vectorStoreId, "vectorStoreId"));
	}

	@Override
	public Mono<VectorStoreFile> createAndPoll(String vectorStoreId, CreateVectorStoreFileRequest request) {
		Mono<VectorStoreFile> create = create(vectorStoreId, request);
		String fileId = id(request.fileId(), "fileId");
		return this.poller.poll("Vector store file " + fileId + " in " + vectorStoreId, create,
				(file) -> this.transport.getResponse(FILE, VectorStoreFile.class, vectorStoreId, fileId),
				Poller.statusIn(VectorStoreFile::status, PROCESSED), VectorStoreFile::status);
	}

	@Override
	public Mono<VectorStoreFile> uploadAndPoll(String vectorStoreId, FileUpload file) {
		id(vectorStoreId, "vectorStoreId");
		Assert.notNull(file, "'file' must not be null");
		return this.files.upload(file)
			.flatMap((uploaded) -> createAndPoll(vectorStoreId,
					CreateVectorStoreFileRequest.of(id(uploaded.id(), "id of the uploaded file"))));
	}

	/**
	 * Returns the query of a list of vector store files, which the files of a batch share.
	 */
	static MultiValueMap<String, String> query(VectorStoreFileListParams params) {
		Assert.notNull(params, "'params' must not be null");
		MultiValueMap<String, String> query = listQuery(params.paging());
		if (params.filter() != null) {
			query.add("filter", params.filter().value());
		}
		return query;
	}

}
