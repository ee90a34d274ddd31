package org.masthead.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account after repeated failed sign-ins. The count lives in the database, so it holds
 * across restarts and across nodes; a locked account is refused before its password is checked.
 */
@Component
class LoginThrottle {

    private final AccountRepository repository;
    private final IdentityProperties properties;
    private final Clock clock;

    LoginThrottle(AccountRepository repository, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        repository.failedLogin(event.getAuthentication().getName(), properties.maxFailedLogins(),
                clock.instant().plus(properties.lockDuration()));
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        repository.succeededLogin(event.getAuthentication().getName());
    }
}
