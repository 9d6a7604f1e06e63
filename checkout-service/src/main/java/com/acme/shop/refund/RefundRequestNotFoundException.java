package com.acme.shop.refund;

public class RefundRequestNotFoundException extends RuntimeException {

    public RefundRequestNotFoundException(long id) {
        super("refund request " + id + " does not exist");
    }
}
