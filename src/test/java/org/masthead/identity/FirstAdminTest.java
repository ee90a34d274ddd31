package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.platform.Language;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    @Test
    void theOneTimePasswordIsPrintedAsAPlainLineAndNeverLogged(CapturedOutput output) {
        var accounts = mock(Accounts.class);
        var password = "Qm9vdHN0cmFwUGFzc3dvcmQ";
        when(accounts.any()).thenReturn(false);
        when(accounts.create(any(), eq("system"))).thenReturn(new Accounts.Created(new Account(1, "chief", "chief",
                Set.of(Role.ADMIN, Role.EDITOR), true, Language.UK, null, Instant.now()), password));
        new FirstAdmin(accounts, new IdentityProperties(ZoneId.of("Europe/Kyiv"), "chief"), mock(MessageSource.class),
                new MockEnvironment())
                .run(new DefaultApplicationArguments());

        var lines = output.getOut().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains(password)).singleElement()
                .satisfies(line -> assertThat(line).startsWith("First admin account: chief "));
        assertThat(lines).filteredOn(line -> line.contains("FirstAdmin")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(password));
    }
}
