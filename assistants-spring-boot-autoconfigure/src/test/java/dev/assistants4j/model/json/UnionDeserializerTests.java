package dev.assistants4j.model.json;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Union members this version does not know decode to {@code Unknown}, keep their raw JSON and write it back
 * exactly; known members still decode to their own type.
 */
class UnionDeserializerTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	private <T> T read(String json, Class<T> type) {
		return this.mapper.readValue(json, type);
	}

	private String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Asserts that the JSON decodes to the union's unknown member with this discriminator and is written back
	 * exactly as it came.
	 */
	private Object assertKeptAsUnknown(String json, Class<?> union, Class<?> unknown, @Nullable String type) {
		Object value = read(json, union);
		assertThat(value).isExactlyInstanceOf(unknown).extracting("type").isEqualTo(type);
		assertThat(write(value)).isEqualTo(json);
		return value;
	}

	@Test
	void unknownToolKeepsItsTypeAndRawJson() {
		String json = "{\"type\":\"browser\",\"browser\":{\"engine\":\"x\",\"pages\":[1,2]},\"extra\":null}";
		Tool.Unknown tool = (Tool.Unknown) assertKeptAsUnknown(json, Tool.class, Tool.Unknown.class, "browser");
		assertThat(tool.raw().get("browser").get("engine").stringValue()).isEqualTo("x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"no type\"}", "{\"type\":42}", "\"retrieval\"", "[1,2]", "7" })
	void toolOfAnUnexpectedShapeIsUnknownWithoutType(String json) {
		assertKeptAsUnknown(json, Tool.class, Tool.Unknown.class, null);
	}

	@Test
	void knownToolWhoseBodyHasDriftedKeepsItsTypeWithTheDriftedPartAbsent() {
		assertThat(read("{\"type\":\"function\",\"function\":\"get_weather\"}", Tool.class))
			.isEqualTo(new FunctionTool(null));
	}

	@Test
	void knownToolDecodesToItsType() {
		Tool tool = read("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}", Tool.class);
		assertThat(tool).isInstanceOfSatisfying(FunctionTool.class,
				(function) -> assertThat(function.function().name()).isEqualTo("get_weather"));
	}

	@Test
	void discriminatorAfterTheMembersPropertiesStillPicksTheMember() {
		Tool tool = read("{\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}},"
				+ "\"type\":\"function\"}", Tool.class);
		assertThat(tool).isInstanceOfSatisfying(FunctionTool.class, (function) -> {
			assertThat(function.function().name()).isEqualTo("get_weather");
			assertThat(function.function().parameters()).containsEntry("type", "object");
		});
	}

	@Test
	void propertiesBeforeTheDiscriminatorReachTheMember() {
		MessageContentDelta part = read("{\"text\":{\"value\":\"Hi\",\"annotations\":[]},\"index\":2,"
				+ "\"type\":\"text\",\"after\":{\"ignored\":[1]}}", MessageContentDelta.class);
		assertThat(part).isEqualTo(new MessageContentDelta.Text(2, new MessageContentDelta.TextDelta("Hi", List.of())));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\"before\":{\"a\":[1,{\"b\":2}]}," })
	void memberThatFailsPartWayIsUnknownWithItsDiscriminatorAndTheRestStillDecodes(String before) {
		// Without the client's tolerant numbers, an int out of range fails inside the member.
		JsonMapper moduleOnly = JsonMapper.builder().addModule(AssistantsJson.module()).build();
		String failing = "{" + before + "\"type\":\"file_search\",\"file_search\":{\"max_num_results\":99999999999,"
				+ "\"ranking_options\":{\"ranker\":\"auto\"}},\"later\":[{\"x\":1}]}";
		Tool[] tools = moduleOnly.readValue("[" + failing + ",{\"type\":\"code_interpreter\"}]", Tool[].class);
		assertThat(tools).hasSize(2);
		assertThat(tools[0]).isInstanceOfSatisfying(Tool.Unknown.class, (unknown) -> {
			assertThat(unknown.type()).isEqualTo("file_search");
			assertThat(unknown.raw().toString()).isEqualTo("{\"type\":\"file_search\"}");
		});
		assertThat(tools[1]).isEqualTo(new CodeInterpreterTool());
	}

	@Test
	void malformedJsonInsideAMemberStillFails() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> read("[{\"type\":\"function\",\"function\":{\"name\":}},{\"type\":\"code_interpreter\"}]",
					Tool[].class));
	}

	@Test
	void membersDecodeAlikeInEveryMapperThatSharesTheModule() {
		tools.jackson.databind.JacksonModule module = AssistantsJson.module();
		JsonMapper first = JsonMapper.builder().addModule(module).build();
		JsonMapper second = JsonMapper.builder().addModule(module).build();
		String json = "[{\"type\":\"code_interpreter\"},{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]";
		Tool[] fromFirst = first.readValue(json, Tool[].class);
		Tool[] fromSecond = second.readValue(json, Tool[].class);
		assertThat(fromSecond).containsExactly(fromFirst);
		assertThat(fromFirst[1]).isInstanceOf(FunctionTool.class);
	}

	@Test
	void unknownToolInsideAnAssistantIsWrittenBackExactly() {
		String browser = "{\"type\":\"browser\",\"browser\":{\"engine\":\"x\"}}";
		Assistant assistant = read("{\"id\":\"asst_1\",\"tools\":[{\"type\":\"code_interpreter\"}," + browser + "]}",
				Assistant.class);
		assertThat(assistant.tools()).hasSize(2);
		assertThat(write(assistant.tools())).isEqualTo("[{\"type\":\"code_interpreter\"}," + browser + "]");
	}

	@Test
	void autoResponseFormatIsTheBareString() {
		ResponseFormat format = read("\"auto\"", ResponseFormat.class);
		assertThat(format).isEqualTo(ResponseFormat.auto());
		assertThat(write(format)).isEqualTo("\"auto\"");
		assertThat(write(ResponseFormat.auto())).isEqualTo("\"auto\"");
	}

	@Test
	void unknownBareStringResponseFormatIsKeptAsSent() {
		ResponseFormat format = read("\"json\"", ResponseFormat.class);
		assertThat(format).isInstanceOfSatisfying(ResponseFormat.Unknown.class,
				(unknown) -> assertThat(unknown.type()).isNull());
		assertThat(write(format)).isEqualTo("\"json\"");
	}

	@Test
	void unknownResponseFormatObjectKeepsItsRawJson() {
		assertKeptAsUnknown("{\"type\":\"xml\",\"xml\":{\"root\":\"answer\"}}", ResponseFormat.class,
				ResponseFormat.Unknown.class, "xml");
	}

	@Test
	void knownResponseFormatsDecodeToTheirTypes() {
		assertThat(read("{\"type\":\"text\"}", ResponseFormat.class)).isInstanceOf(ResponseFormat.Text.class);
		assertThat(read("{\"type\":\"json_object\"}", ResponseFormat.class))
			.isInstanceOf(ResponseFormat.JsonObject.class);
		assertThat(read("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\"}}", ResponseFormat.class))
			.isInstanceOfSatisfying(ResponseFormat.JsonSchema.class,
					(schema) -> assertThat(schema.jsonSchema().name()).isEqualTo("answer"));
	}

	@Test
	void unknownChunkingStrategyKeepsItsRawJson() {
		assertKeptAsUnknown("{\"type\":\"semantic\",\"semantic\":{\"threshold\":0.8}}", ChunkingStrategy.class,
				ChunkingStrategy.Unknown.class, "semantic");
	}

	@Test
	void knownChunkingStrategiesDecodeToTheirTypes() {
		assertThat(read("{\"type\":\"auto\"}", ChunkingStrategy.class)).isEqualTo(ChunkingStrategy.auto());
		String fixed = "{\"type\":\"static\",\"static\":{\"max_chunk_size_tokens\":800,\"chunk_overlap_tokens\":400}}";
		assertThat(read(fixed, ChunkingStrategy.class)).isEqualTo(ChunkingStrategy.fixed(800, 400));
		assertThat(this.mapper.readTree(write(ChunkingStrategy.fixed(800, 400))))
			.isEqualTo(this.mapper.readTree(fixed));
		// What responses say of a file chunked before strategies existed.
		assertThat(read("{\"type\":\"other\"}", ChunkingStrategy.class)).isEqualTo(new ChunkingStrategy.Other());
		assertThat(write(new ChunkingStrategy.Other())).isEqualTo("{\"type\":\"other\"}");
	}

	@Test
	void nullMembersOfAListAreDropped() {
		Assistant assistant = read("{\"tools\":[null,{\"type\":\"code_interpreter\"}]}", Assistant.class);
		assertThat(assistant.tools()).extracting(Tool::type).isEqualTo(List.of("code_interpreter"));
	}

}
