package org.masthead.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads newsroom accounts for sign-in. */
@Service
class AccountDetails implements UserDetailsService {

    private final AccountRepository repository;

    AccountDetails(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository.user(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
