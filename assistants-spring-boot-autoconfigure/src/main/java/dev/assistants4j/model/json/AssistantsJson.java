package dev.assistants4j.model.json;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.InputText;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.RefusalContent;
import dev.assistants4j.model.message.TextAnnotation;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;

/**
 * The JSON mapping of the wire model. The client owns its mapper, configured for the protocol rather than by
 * the application: unknown properties are ignored, absent values are not written, and every union decodes
 * through its discriminator with an {@code Unknown} fallback.
 */
public final class AssistantsJson {

	private AssistantsJson() {
	}

	/**
	 * Creates a mapper configured for the wire protocol. Each call returns a new, independent mapper.
	 * @return a new mapper
	 */
	public static JsonMapper newMapper() {
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.addHandler(new TolerantProblemHandler())
			.addModule(module())
			.build();
	}

	/**
	 * Returns the module that decodes the wire model's unions, for use in a mapper of one's own.
	 * @return the module
	 */
	public static JacksonModule module() {
		SimpleModule module = new SimpleModule("assistants4j");
		module.addDeserializer(Tool.class,
				UnionDeserializer.byType(Tool.class,
						Map.of(CodeInterpreterTool.TYPE, CodeInterpreterTool.class, FileSearchTool.TYPE,
								FileSearchTool.class, FunctionTool.TYPE, FunctionTool.class),
						Tool.Unknown::new));
		module.addDeserializer(ResponseFormat.class,
				UnionDeserializer.byTypeOrString(ResponseFormat.class,
						Map.of("text", ResponseFormat.Text.class, "json_object", ResponseFormat.JsonObject.class,
								"json_schema", ResponseFormat.JsonSchema.class),
						Map.of("auto", ResponseFormat.auto()), ResponseFormat.Unknown::new));
		module.addDeserializer(ChunkingStrategy.class,
				UnionDeserializer.byType(ChunkingStrategy.class,
						Map.of("auto", ChunkingStrategy.Auto.class, "static", ChunkingStrategy.Static.class, "other",
								ChunkingStrategy.Other.class),
						ChunkingStrategy.Unknown::new));
		module.addDeserializer(MessageContent.class,
				UnionDeserializer.byType(MessageContent.class,
						Map.of(TextContent.TYPE, TextContent.class, ImageFileContent.TYPE, ImageFileContent.class,
								ImageUrlContent.TYPE, ImageUrlContent.class, RefusalContent.TYPE,
								RefusalContent.class),
						MessageContent.Unknown::new));
		module.addDeserializer(TextAnnotation.class,
				UnionDeserializer.byType(TextAnnotation.class,
						Map.of(FileCitationAnnotation.TYPE, FileCitationAnnotation.class, FilePathAnnotation.TYPE,
								FilePathAnnotation.class),
						TextAnnotation.Unknown::new));
		module.addDeserializer(InputPart.class,
				UnionDeserializer.byType(InputPart.class,
						Map.of(InputText.TYPE, InputText.class, ImageFileContent.TYPE, ImageFileContent.class,
								ImageUrlContent.TYPE, ImageUrlContent.class),
						InputPart.Unknown::new));
		module.addDeserializer(CreateMessageRequest.Content.class, new CreateMessageContentDeserializer());
		return module;
	}

}
