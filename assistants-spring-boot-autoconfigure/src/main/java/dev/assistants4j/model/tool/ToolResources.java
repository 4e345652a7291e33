package dev.assistants4j.model.tool;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.vectorstore.ChunkingStrategy;

/**
 * Resources made available to an assistant's or a thread's tools: files for the code interpreter, vector
 * stores for file search.
 *
 * @param codeInterpreter files for the code interpreter
 * @param fileSearch vector stores for file search
 */
public record ToolResources(@JsonProperty("code_interpreter") @Nullable CodeInterpreterResources codeInterpreter,
		@JsonProperty("file_search") @Nullable FileSearchResources fileSearch) {

	/**
	 * Resources with only code interpreter files.
	 * @param fileIds ids of the files
	 * @return tool resources
	 */
	public static ToolResources codeInterpreterFiles(List<String> fileIds) {
		Assert.notNull(fileIds, "'fileIds' must not be null");
		return new ToolResources(new CodeInterpreterResources(fileIds), null);
	}

	/**
	 * Resources with only file search vector stores.
	 * @param vectorStoreIds ids of the vector stores
	 * @return tool resources
	 */
	public static ToolResources fileSearchVectorStores(List<String> vectorStoreIds) {
		Assert.notNull(vectorStoreIds, "'vectorStoreIds' must not be null");
		return new ToolResources(null, new FileSearchResources(vectorStoreIds, null));
	}

	/**
	 * Files the code interpreter can use.
	 *
	 * @param fileIds ids of the files (at most 20)
	 */
	public record CodeInterpreterResources(@JsonProperty("file_ids") @Nullable List<String> fileIds) {
	}

	/**
	 * Vector stores file search can use.
	 *
	 * @param vectorStoreIds ids of existing vector stores (at most 1)
	 * @param vectorStores vector stores to create with the owning object (requests only)
	 */
	public record FileSearchResources(@JsonProperty("vector_store_ids") @Nullable List<String> vectorStoreIds,
			@JsonProperty("vector_stores") @Nullable List<NewVectorStore> vectorStores) {
	}

	/**
	 * A vector store created together with an assistant or a thread.
	 *
	 * @param fileIds ids of the files to add (at most 10000)
	 * @param chunkingStrategy how files are chunked; the server's default when absent
	 * @param metadata key-value pairs attached to the vector store
	 */
	public record NewVectorStore(@JsonProperty("file_ids") @Nullable List<String> fileIds,
			@JsonProperty("chunking_strategy") @Nullable ChunkingStrategy chunkingStrategy,
			@Nullable Map<String, String> metadata) {
	}

}
