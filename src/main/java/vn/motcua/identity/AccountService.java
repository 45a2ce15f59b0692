package vn.motcua.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.motcua.identity.internal.AccountRepository;

/** The way into the identity module for other modules. */
@Service
public class AccountService {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<AccountProfile> profile(String username) {
        return accounts.findProfile(username);
    }
}
