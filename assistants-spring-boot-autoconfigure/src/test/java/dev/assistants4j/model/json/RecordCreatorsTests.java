package dev.assistants4j.model.json;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.outside.Outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The wire model's records are built through a constructor handle prepared once, with the same results and
 * the same failures as Jackson's own call.
 */
class RecordCreatorsTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void modelRecordIsBuiltByThePreparedHandle() {
		Probe probe = this.mapper.readValue("{\"name\":\"a\",\"count\":3}", Probe.class);
		List<String> callers = Probe.lastCallers;
		assertThat(probe.name()).isEqualTo("a");
		assertThat(probe.count()).isEqualTo(3);
		assertThat(callers).contains(RecordCreators.Fast.class.getName()).doesNotContain("java.lang.invoke.MethodHandle");
	}

	@Test
	void absentComponentsArriveAsJacksonGivesThem() {
		assertThat(this.mapper.readValue("{}", Probe.class)).isEqualTo(new Probe(null, 0));
	}

	@Test
	void constructorThatRefusesItsArgumentsFailsAsWithJacksonAlone() {
		JsonMapper plain = JsonMapper.builder().build();
		String json = "{\"name\":\"\",\"count\":1}";
		ValueInstantiationException expected = catchThrowableOfType(ValueInstantiationException.class,
				() -> plain.readValue(json, Strict.class));
		assertThatExceptionOfType(ValueInstantiationException.class)
			.isThrownBy(() -> this.mapper.readValue(json, Strict.class))
			.withMessage(expected.getMessage())
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("'name' must not be blank");
	}

	@Test
	void nestedModelRecordsDecodeAsBefore() {
		MessageDelta delta = this.mapper.readValue("{\"id\":\"msg_1\",\"object\":\"thread.message.delta\","
				+ "\"delta\":{\"content\":[{\"index\":0,\"type\":\"text\",\"text\":{\"value\":\"Hi\"}}]}}",
				MessageDelta.class);
		assertThat(delta.id()).isEqualTo("msg_1");
		assertThat(delta.delta().content()).hasSize(1);
	}

	@Test
	void typesOutsideTheWireModelKeepJacksonsInstantiator() {
		Outside outside = this.mapper.readValue("{\"name\":\"b\"}", Outside.class);
		assertThat(outside.name()).isEqualTo("b");
		assertThat(Outside.lastCallers).doesNotContain(RecordCreators.Fast.class.getName());
	}

	private static List<String> callers() {
		return StackWalker.getInstance().walk((frames) -> frames.limit(12).map((frame) -> frame.getClassName()).toList());
	}

	/**
	 * A record of the wire model's package that notes who called its constructor.
	 */
	record Probe(@Nullable String name, int count) {

		static volatile List<String> lastCallers = List.of();

		Probe {
			lastCallers = callers();
		}

	}

	/**
	 * A record of the wire model's package whose constructor validates.
	 */
	record Strict(String name, int count) {

		Strict {
			Assert.hasText(name, "'name' must not be blank");
		}

	}

}
